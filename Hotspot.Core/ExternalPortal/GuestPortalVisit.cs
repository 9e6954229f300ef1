using Hotspot.Auth;

namespace Hotspot.ExternalPortal;

/// <summary>
/// What UniFi's redirect to <c>/guest/s/{site}/</c> carries, as sent: the router (host name or <c>router</c>), the
/// site, the device (<c>id</c>) and access point (<c>ap</c>), <c>ssid</c> and <c>url</c>; with the page's language and
/// the guest's address, the purchase the guest returns to (<c>var</c>, or the page's cookie) and the page's own
/// address without it. Nothing here is trusted yet.
/// </summary>
public sealed record GuestPortalVisit(
    long? RouterId, string? Site, string? DeviceMac, string? AccessPointMac, string Ssid, string? Url, PortalText Text, string ClientAddress)
{
    private const int MaxSsid = 64;

    /// <summary>Whether <see cref="Text"/> is the language the browser asked for (otherwise the venue's language wins).</summary>
    public bool LanguageAsked { get; init; }

    /// <summary>The purchase this visit returns to, from the return URL's <c>var</c> or else the page's cookie.</summary>
    public GuestPurchaseTicket? Ticket { get; init; }

    /// <summary>This page's path and query without <c>var</c>: where "start a new purchase" goes.</summary>
    public string PageUrl { get; init; } = "";

    public static GuestPortalVisit Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var query = request.Query;
        var routerId = PortalRouterLookup.IdOf(request);
        var asked = PortalText.Asked(request);
        var ticket = GuestPurchaseTicket.Parse(query[GuestPurchaseTicket.QueryName].FirstOrDefault())
            ?? (routerId is { } id ? GuestPurchaseTicket.Parse(request.Cookies[GuestPurchaseTicket.CookieName(id)]) : null);
        var kept = query.Where(q => q.Key is not (GuestPurchaseTicket.QueryName or "dst"))
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")));
        var queryText = string.Join('&', kept);
        return new(
            routerId,
            request.RouteValues["site"] as string,
            query["id"].FirstOrDefault(),
            query["ap"].FirstOrDefault(),
            query["ssid"].FirstOrDefault() is { Length: > 0 and <= MaxSsid } named ? named : "WiFi",
            query["url"].FirstOrDefault(),
            asked ?? PortalText.Spanish,
            Auth.ClientAddress.Of(context))
        {
            LanguageAsked = asked is not null,
            Ticket = ticket,
            PageUrl = request.PathBase + request.Path + (queryText.Length > 0 ? "?" + queryText : ""),
        };
    }
}

/// <summary>The page to show (with its status), or where to send the guest; and what the page's purchase cookie becomes.</summary>
public sealed record GuestPortalAnswer(PortalView? View, int Status, Uri? Redirect)
{
    /// <summary>With a 503: when the guest may try again (the controller's connector said so).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The router whose purchase cookie this answer sets (<see cref="Remember"/>) or clears (<see cref="Forget"/>).</summary>
    public long? RouterId { get; init; }

    public GuestPurchaseTicket? Remember { get; init; }

    public bool Forget { get; init; }

    public static GuestPortalAnswer Page(PortalView view, int status = StatusCodes.Status200OK) => new(view, status, null);

    public static GuestPortalAnswer RedirectTo(Uri target) => new(null, StatusCodes.Status302Found, target);
}
