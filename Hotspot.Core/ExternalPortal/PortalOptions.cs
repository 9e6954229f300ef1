namespace Hotspot.ExternalPortal;

/// <summary>The guest portal's settings (<c>Hotspot:Portal</c>), the same for every router until routers carry their own.</summary>
public sealed class PortalOptions
{
    public const string Section = "Hotspot:Portal";
    public const string AnyHost = "any";

    /// <summary>Minutes of free access a guest gets for accepting the terms; 0 offers vouchers only.</summary>
    public int FreeMinutes { get; set; } = 60;

    /// <summary>
    /// Hosts a guest may be sent to after the portal: <c>any</c>, or a comma-separated list of host names, where
    /// <c>*.example.com</c> also allows every subdomain of example.com. Other targets are not followed (the page shows
    /// the outcome instead).
    /// </summary>
    public string RedirectHosts { get; set; } = AnyHost;

    public bool RedirectHostsAreValid => AnyHostAllowed || Listed().All(host =>
        Uri.CheckHostName(host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host) != UriHostNameType.Unknown);

    public bool AllowsRedirectTo(string host) =>
        AnyHostAllowed || Listed().Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
            : host.Equals(allowed, StringComparison.OrdinalIgnoreCase));

    private bool AnyHostAllowed => RedirectHosts.Trim().Equals(AnyHost, StringComparison.OrdinalIgnoreCase);

    private string[] Listed() =>
        RedirectHosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
