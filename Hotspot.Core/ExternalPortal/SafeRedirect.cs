namespace Hotspot.ExternalPortal;

/// <summary>
/// Where a guest may be sent after the portal: only an absolute http or https URL without credentials, and, when the
/// operator lists redirect hosts (<see cref="PortalOptions.RedirectHosts"/>), only to one of them.
/// </summary>
public static class SafeRedirect
{
    public static Uri? Target(string? url, PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(uri.UserInfo) && options.AllowsRedirectTo(uri.IdnHost)
            ? uri
            : null;
    }
}
