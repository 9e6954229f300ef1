using Hotspot.Auth;

namespace Hotspot.ExternalPortal;

/// <summary>
/// What UniFi's redirect to <c>/guest/s/{site}/</c> carries, as sent: the router (host name or <c>router</c>), the
/// site, the device (<c>id</c>) and access point (<c>ap</c>), <c>ssid</c> and <c>url</c>; with the page's language and
/// the guest's address. Nothing here is trusted yet.
/// </summary>
public sealed record GuestPortalVisit(
    long? RouterId, string? Site, string? DeviceMac, string? AccessPointMac, string Ssid, string? Url, PortalText Text, string ClientAddress)
{
    private const int MaxSsid = 64;

    public static GuestPortalVisit Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        return new(
            PortalRouterLookup.IdOf(context.Request),
            context.Request.RouteValues["site"] as string,
            query["id"].FirstOrDefault(),
            query["ap"].FirstOrDefault(),
            query["ssid"].FirstOrDefault() is { Length: > 0 and <= MaxSsid } named ? named : "WiFi",
            query["url"].FirstOrDefault(),
            PortalText.For(context.Request),
            Auth.ClientAddress.Of(context));
    }
}

/// <summary>The page to show (with its status), or where to send the guest.</summary>
public sealed record GuestPortalAnswer(PortalView? View, int Status, Uri? Redirect)
{
    /// <summary>With a 503: when the guest may try again (the controller's connector said so).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static GuestPortalAnswer Page(PortalView view, int status = StatusCodes.Status200OK) => new(view, status, null);

    public static GuestPortalAnswer RedirectTo(Uri target) => new(null, StatusCodes.Status302Found, target);
}
