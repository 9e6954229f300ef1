namespace Hotspot.ExternalPortal;

/// <summary>Where a guest may be sent after the portal: only an absolute http or https URL, nothing else.</summary>
public static class SafeRedirect
{
    public static Uri? Target(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(uri.UserInfo)
            ? uri
            : null;
}
