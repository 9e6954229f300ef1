using System.Globalization;
using Hotspot.RouterOs;

namespace Hotspot.Simulators.RouterOs.Gateway;

/// <summary>What a page shows about the request: the device, the links back to the hotspot, a login's outcome and the session.</summary>
internal sealed record PageRequest(GatewayDevice Device, string BaseUrl, string Identity)
{
    /// <summary>Where the device was going (<c>dst</c>), for <c>$(link-orig)</c>.</summary>
    public string? LinkOrig { get; init; }

    public string? LinkRedirect { get; init; }

    public string? Username { get; init; }

    public string? Error { get; init; }

    public string? ErrorOrig { get; init; }

    public ChapChallenges.Challenge? Chap { get; init; }

    public string? Var { get; init; }

    public string? SessionId { get; init; }

    /// <summary>The device's <c>/ip/hotspot/active</c> row, when it is logged in (or was, for logout.html).</summary>
    public IReadOnlyDictionary<string, string>? Session { get; init; }
}

/// <summary>
/// The <c>$(…)</c> variables RouterOS gives its pages (names from MikroTik's "Customizing Hotspot" manual): common ones on
/// every page, login ones (<c>chap-id</c>, <c>error</c>, <c>trial</c>), and status ones from the device's session.
/// </summary>
internal static class PageVariables
{
    public static IReadOnlyDictionary<string, string> For(PageRequest page)
    {
        var linkOrig = page.LinkOrig ?? string.Empty;
        var linkRedirect = page.LinkRedirect ?? string.Empty;
        var session = page.Session;
        var v = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["hostname"] = new Uri(page.BaseUrl).Host,
            ["identity"] = page.Identity,
            ["server-name"] = "hotspot1",
            ["ip"] = page.Device.Address,
            ["mac"] = page.Device.MacAddress,
            ["mac-esc"] = Uri.EscapeDataString(page.Device.MacAddress),
            ["link-login-only"] = page.BaseUrl + "/login",
            ["link-login"] = page.BaseUrl + "/login" + (linkOrig.Length > 0 ? "?dst=" + Uri.EscapeDataString(linkOrig) : string.Empty),
            ["link-logout"] = page.BaseUrl + "/logout",
            ["link-status"] = page.BaseUrl + "/status",
            ["link-orig"] = linkOrig,
            ["link-orig-esc"] = Uri.EscapeDataString(linkOrig),
            ["link-redirect"] = linkRedirect,
            ["link-redirect-esc"] = Uri.EscapeDataString(linkRedirect),
            ["var"] = page.Var ?? string.Empty,
            ["session-id"] = page.SessionId ?? string.Empty,
            ["username"] = session?.GetValueOrDefault("user") ?? page.Username ?? string.Empty,
            ["error"] = page.Error ?? string.Empty,
            ["error-orig"] = page.ErrorOrig ?? string.Empty,
            ["chap-id"] = page.Chap?.IdText ?? string.Empty,
            ["chap-challenge"] = page.Chap?.BytesText ?? string.Empty,
            ["trial"] = "no",
            ["popup"] = "true",
            ["logged-in"] = session is null ? "no" : "yes",
            ["login-by"] = session?.GetValueOrDefault("login-by") ?? string.Empty,
        };
        v["user"] = v["username"];
        if (session is not null)
        {
            AddDuration(v, "uptime", session.GetValueOrDefault("uptime"));
            AddDuration(v, "session-time-left", session.GetValueOrDefault("session-time-left"));
            AddDuration(v, "idle-time", session.GetValueOrDefault("idle-time"));
            AddDuration(v, "refresh-timeout", "1m");
            foreach (var counter in new[] { "bytes-in", "bytes-out", "packets-in", "packets-out" })
            {
                v[counter] = session.GetValueOrDefault(counter, "0");
            }

            v["bytes-in-nice"] = Nice(v["bytes-in"]);
            v["bytes-out-nice"] = Nice(v["bytes-out"]);
        }

        return v;
    }

    private static void AddDuration(Dictionary<string, string> variables, string name, string? value)
    {
        if (RouterOsDuration.TryParse(value, out var duration))
        {
            variables[name] = value!;
            variables[name + "-secs"] = ((long)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string Nice(string bytes)
    {
        var value = double.TryParse(bytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? string.Create(CultureInfo.InvariantCulture, $"{value:0} {units[0]}") : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }
}
