using Hotspot.Drivers;
using Hotspot.Tenancy;
using Hotspot.Unifi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotspot.ExternalPortal;

/// <summary>
/// <c>/guest/s/{site}/</c>, where UniFi sends a captive guest with <c>ap</c>, <c>id</c>, <c>t</c>, <c>url</c> and
/// <c>ssid</c>. GET shows the accept form; POST (the form, posted back to the same URL and query) authorizes the
/// device for the free minutes and sends the guest to <c>url</c> when it is http(s) and the controller confirms.
/// </summary>
public static class UnifiGuestPortalEndpoints
{
    public static async Task<IResult> ShowAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var (text, guest, problem) = await PrepareAsync(context, cancellationToken);
        return problem ?? PortalPage.Render(text, new PortalView(guest!.Ssid, ShowForm: true, FreeMinutes: FreeMinutes(context)));
    }

    public static async Task<IResult> AcceptAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var (text, guest, problem) = await PrepareAsync(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var target = SafeRedirect.Target(context.Request.Query["url"].FirstOrDefault());
        try
        {
            var budget = new AccessBudget(TimeSpan.FromMinutes(FreeMinutes(context)));
            var status = await guest!.Controller.AuthorizeAsync(new GuestAuthorization(guest.Device, budget), cancellationToken);
            await context.RequestServices.GetRequiredService<GuestGrantLedger>().RecordAsync(
                guest.RouterId, guest.Device, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() + budget.TimeLimit, CancellationToken.None);
            if (!status.Authorized)
            {
                return PortalPage.Render(text, new PortalView(guest.Ssid, text.Pending, ContinueUrl: target?.AbsoluteUri));
            }

            return target is not null ? Results.Redirect(target.AbsoluteUri) : PortalPage.Render(text, new PortalView(guest.Ssid, text.Online));
        }
        catch (ControllerException e)
        {
            var (message, statusCode) = e.Error switch
            {
                ControllerError.UnknownSite => (text.UnknownSite, StatusCodes.Status404NotFound),
                ControllerError.DeviceNotFound => (text.NotConnected, StatusCodes.Status422UnprocessableEntity),
                ControllerError.NotAGuest => (text.NotAGuest, StatusCodes.Status422UnprocessableEntity),
                ControllerError.Unavailable => (text.Unavailable, StatusCodes.Status503ServiceUnavailable),
                _ => (text.Failed, StatusCodes.Status502BadGateway),
            };
            return PortalPage.Render(text, new PortalView(guest!.Ssid, message), statusCode);
        }
    }

    private sealed record Guest(long RouterId, IGuestAccessController Controller, GuestDevice Device, string Ssid);

    private static async Task<(PortalText Text, Guest? Guest, IResult? Problem)> PrepareAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var text = PortalText.For(request);
        var ssid = request.Query["ssid"].FirstOrDefault() is { Length: > 0 and <= 64 } named ? named : "WiFi";
        var site = request.RouteValues["site"] as string;
        var services = context.RequestServices;
        var router = await PortalRouterLookup.FindAsync(request, services.GetRequiredService<RouterStore>(), cancellationToken);
        if (router is null || !UnifiFilter.IsValidSiteReference(site))
        {
            return (text, null, PortalPage.Render(text, new PortalView(ssid, router is null ? text.UnknownRouter : text.UnknownSite), StatusCodes.Status404NotFound));
        }

        var apText = request.Query["ap"].FirstOrDefault();
        MacAddress ap = default;
        if (!MacAddress.TryParse(request.Query["id"].FirstOrDefault(), out var mac) || (apText is not null && !MacAddress.TryParse(apText, out ap)))
        {
            return (text, null, PortalPage.Render(text, new PortalView(ssid, text.BadDevice), StatusCodes.Status400BadRequest));
        }

        var controller = services.GetRequiredService<RouterControllers>().For(router)!;
        return (text, new Guest(router.Id, controller, new GuestDevice(mac, site, apText is null ? null : ap), ssid), null);
    }

    private static int FreeMinutes(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.FreeMinutes;
}
