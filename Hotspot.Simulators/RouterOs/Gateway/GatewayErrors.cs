namespace Hotspot.Simulators.RouterOs.Gateway;

/// <summary>
/// <c>$(error)</c> texts: RouterOS's default <c>errors.txt</c> (English), each replaced by the portal directory's own
/// <c>errors.txt</c> line <c>key = text</c> when it has one. Texts may use <c>$(username)</c>, <c>$(ip)</c>, <c>$(error-orig)</c>.
/// </summary>
internal static class GatewayErrors
{
    /// <summary>RouterOS's default hotspot <c>errors.txt</c> (the keys this gateway can raise).</summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["not-logged-in"] = "you are not logged in (ip $(ip))",
        ["user-session-limit"] = "no more sessions are allowed for user $(username)",
        ["chap-missing"] = "web browser did not send challenge response (try again, enable JavaScript)",
        ["invalid-username"] = "invalid username or password",
        ["invalid-mac"] = "user $(username) is not allowed to log in from this MAC address",
        ["uptime-limit"] = "user $(username) has reached uptime limit",
        ["traffic-limit"] = "user $(username) has reached traffic limit",
        ["radius-timeout"] = "RADIUS server is not responding",
        ["radius-reply"] = "$(error-orig)",
    };

    /// <summary>
    /// The errors.txt key of a refusal. RouterOS's errors.txt has no key for a disabled user: the general
    /// <c>invalid-username</c> is used (unverified on a real router).
    /// </summary>
    public static string KeyOf(LoginRefusal refusal) => refusal switch
    {
        LoginRefusal.MacNotAllowed => "invalid-mac",
        LoginRefusal.UptimeLimit => "uptime-limit",
        LoginRefusal.SessionLimit => "user-session-limit",
        _ => "invalid-username",
    };

    /// <summary>
    /// The text for <paramref name="key"/> with its variables filled in: the portal's, else RouterOS's default.
    /// <paramref name="serverMessage"/> is a RADIUS Reply-Message: for <c>radius-reply</c> it is the original text.
    /// </summary>
    public static (string Error, string Original) Text(string key, string? portalErrorsTxt, IReadOnlyDictionary<string, string> variables, string? serverMessage = null)
    {
        var original = serverMessage ?? PortalTemplate.Render(Defaults.GetValueOrDefault(key, key), variables, v => v);
        var text = portalErrorsTxt is null ? null : Lookup(portalErrorsTxt, key);
        if (text is null)
        {
            return (original, original);
        }

        var withOriginal = new Dictionary<string, string>(variables, StringComparer.Ordinal) { ["error-orig"] = original };
        return (PortalTemplate.Render(text, withOriginal, v => v), original);
    }

    private static string? Lookup(string errorsTxt, string key)
    {
        foreach (var line in errorsTxt.Split('\n'))
        {
            var trimmed = line.Trim();
            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (trimmed.StartsWith('#') || equals <= 0)
            {
                continue;
            }

            if (trimmed[..equals].Trim() == key)
            {
                return trimmed[(equals + 1)..].Trim();
            }
        }

        return null;
    }
}
