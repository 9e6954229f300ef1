namespace Hotspot.Http.Cors;

/// <summary>
/// Which browser origins may call the portal routes (<c>Hotspot:Cors:AllowedOrigins</c>): the router-hosted pages
/// (<c>http://10.5.50.1</c>, <c>http://wifi.example.net</c>), comma-separated, or <c>*</c> for any. No credentials are
/// ever allowed (the router key travels in a header, never in a cookie), so <c>*</c> exposes nothing a page's own key
/// would not.
/// </summary>
public sealed class PortalCorsOptions
{
    public const string Section = "Hotspot:Cors";
    public const string AnyOrigin = "*";

    public string AllowedOrigins { get; set; } = AnyOrigin;

    public bool AllowedOriginsAreValid => AnyOriginAllowed || Listed().All(origin =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && !origin.EndsWith('/'));

    /// <summary>The value for <c>Access-Control-Allow-Origin</c>, or null when <paramref name="origin"/> is not allowed.</summary>
    public string? AllowOriginFor(string origin) =>
        AnyOriginAllowed ? AnyOrigin
        : Listed().Any(allowed => string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase)) ? origin
        : null;

    private bool AnyOriginAllowed => Listed().Contains(AnyOrigin, StringComparer.Ordinal);

    private string[] Listed() => AllowedOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
