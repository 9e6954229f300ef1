namespace Hotspot.ExternalPortal;

/// <summary>
/// <c>/guest/s/{site}/</c>, where UniFi sends a captive guest with <c>ap</c>, <c>id</c>, <c>t</c>, <c>url</c> and
/// <c>ssid</c>. GET shows the forms; POST (a form, posted back to the same URL and query) runs them.
/// </summary>
public static class UnifiGuestPortalEndpoints
{
    public static async Task<IResult> ShowAsync(UnifiGuestPortal portal, HttpContext context, CancellationToken cancellationToken)
    {
        ForbidFraming(context.Response);
        var visit = GuestPortalVisit.Of(context);
        return Answer(context.Response, visit, await portal.ShowAsync(visit, cancellationToken));
    }

    public static async Task<IResult> SubmitAsync(UnifiGuestPortal portal, HttpContext context, CancellationToken cancellationToken)
    {
        ForbidFraming(context.Response);
        var visit = GuestPortalVisit.Of(context);
        var form = await PortalForm.ReadAsync(context.Request, cancellationToken);
        return Answer(context.Response, visit, await portal.SubmitAsync(visit, form, cancellationToken));
    }

    /// <summary>No other site may show the page in a frame (clickjacking the accept and voucher buttons).</summary>
    private static void ForbidFraming(HttpResponse response)
    {
        response.Headers.XFrameOptions = "DENY";
        response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
    }

    private static IResult Answer(HttpResponse response, GuestPortalVisit visit, GuestPortalAnswer answer)
    {
        if (answer.RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (answer.RouterId is { } routerId && (answer.Remember is not null || answer.Forget))
        {
            KeepPurchase(response, routerId, answer.Remember);
        }

        return answer.Redirect is { } target ? Results.Redirect(target.AbsoluteUri) : PortalPage.Render(visit.Text, answer.View!, answer.Status);
    }

    /// <summary>
    /// The page's purchase cookie: set while a purchase waits for its money (so a guest who comes back finds it), cleared
    /// once it ended. Only this page reads it: HttpOnly, under <c>/guest/</c>.
    /// </summary>
    private static void KeepPurchase(HttpResponse response, long routerId, GuestPurchaseTicket? ticket)
    {
        var cookie = new CookieOptions
        {
            HttpOnly = true, Secure = response.HttpContext.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = "/guest/", IsEssential = true,
        };
        var name = GuestPurchaseTicket.CookieName(routerId);
        if (ticket is null)
        {
            response.Cookies.Delete(name, cookie);
        }
        else
        {
            cookie.MaxAge = GuestPurchaseTicket.CookieLifetime;
            response.Cookies.Append(name, ticket.ToString(), cookie);
        }
    }
}
