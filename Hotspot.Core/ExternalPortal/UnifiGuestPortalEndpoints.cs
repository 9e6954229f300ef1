using Hotspot.Drivers;
using Hotspot.Tenancy;
using Hotspot.Unifi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotspot.ExternalPortal;

/// <summary>
/// <c>/guest/s/{site}/</c>, where UniFi sends a captive guest with <c>ap</c>, <c>id</c>, <c>t</c>, <c>url</c> and
/// <c>ssid</c>. GET shows the forms: accept the terms (free minutes, unless set to 0) and redeem a voucher. POST (a form,
/// posted back to the same URL and query) authorizes the device and sends the guest to <c>url</c> when it is http(s) and
/// the controller confirms.
/// </summary>
public static class UnifiGuestPortalEndpoints
{
    public static async Task<IResult> ShowAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ForbidFraming(context.Response);
        var (text, guest, problem) = await PrepareAsync(context, cancellationToken);
        return problem ?? PortalPage.Render(text, new PortalView(guest!.Ssid, ShowForm: true, FreeMinutes: FreeMinutes(context)));
    }

    /// <summary>The page's forms, posted back: accept the terms (free minutes) or redeem a voucher.</summary>
    public static async Task<IResult> SubmitAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ForbidFraming(context.Response);
        var (text, guest, problem) = await PrepareAsync(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var form = await PortalForm.ReadAsync(context.Request, cancellationToken);
        if (form is null)
        {
            return PortalPage.Render(text, Retry(context, guest!, text.Voucher.BadForm), StatusCodes.Status400BadRequest);
        }

        return form.Mode == PortalForm.VoucherMode
            ? await RedeemAsync(context, text, guest!, form, cancellationToken)
            : await AcceptAsync(context, text, guest!, cancellationToken);
    }

    /// <summary>No other site may show the page in a frame (clickjacking the accept and voucher buttons).</summary>
    private static void ForbidFraming(HttpResponse response)
    {
        response.Headers.XFrameOptions = "DENY";
        response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
    }

    private static async Task<IResult> AcceptAsync(HttpContext context, PortalText text, Guest guest, CancellationToken cancellationToken)
    {
        var minutes = FreeMinutes(context);
        if (minutes <= 0)
        {
            return PortalPage.Render(text, Retry(context, guest, text.Voucher.NoFreeAccess), StatusCodes.Status403Forbidden);
        }

        var budget = new AccessBudget(TimeSpan.FromMinutes(minutes));
        var until = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() + budget.TimeLimit;
        return await GrantAsync(context, text, guest, budget, until, cancellationToken);
    }

    private static async Task<IResult> RedeemAsync(HttpContext context, PortalText text, Guest guest, PortalForm form, CancellationToken cancellationToken)
    {
        if (form.Username.Length == 0 || form.Passcode.Length == 0)
        {
            return PortalPage.Render(text, Retry(context, guest, text.Voucher.Invalid), StatusCodes.Status422UnprocessableEntity);
        }

        // A code is only looked at for a device the controller sees connected: from anywhere else, right and wrong
        // codes get the same answer, and the page cannot be used to try codes from outside the network.
        GuestStatus? connected;
        try
        {
            connected = await guest.Controller.GetStatusAsync(guest.Device, cancellationToken);
        }
        catch (ControllerException e)
        {
            return ControllerFailure(text, guest, e);
        }

        if (connected is null)
        {
            return PortalPage.Render(text, new PortalView(guest.Ssid, text.NotConnected), StatusCodes.Status422UnprocessableEntity);
        }

        var redemption = context.RequestServices.GetRequiredService<VoucherRedemption>();
        var (grant, refusal) = await redemption.CheckAsync(
            guest.RouterId, form.Username, form.Passcode, guest.Device.Mac, Auth.ClientAddress.Of(context), cancellationToken);
        if (grant is null)
        {
            var (message, status) = refusal switch
            {
                VoucherRefusal.Throttled => (text.Voucher.Throttled, StatusCodes.Status429TooManyRequests),
                VoucherRefusal.NotYetValid => (text.Voucher.NotYetValid, StatusCodes.Status403Forbidden),
                VoucherRefusal.Expired => (text.Voucher.Expired, StatusCodes.Status403Forbidden),
                _ => (text.Voucher.Invalid, StatusCodes.Status401Unauthorized),
            };
            return PortalPage.Render(text, Retry(context, guest, message), status);
        }

        if (MacAddress.TryParse(grant.Voucher.Mac, out var holder) && holder == guest.Device.Mac && connected.Authorized)
        {
            // Already online on this voucher: authorizing again would reset the controller's data counters.
            var target = RedirectTarget(context);
            return target is not null ? Results.Redirect(target.AbsoluteUri) : PortalPage.Render(text, new PortalView(guest.Ssid, text.Online));
        }

        return await GrantAsync(context, text, guest, grant.Budget, grant.Until, cancellationToken, async () =>
        {
            // One device at a time: the voucher's previous device loses the access it moves away from.
            if (await redemption.RecordLoginAsync(grant, guest.Device.Mac, CancellationToken.None) is { } previous)
            {
                await DeauthorizeQuietlyAsync(guest.Controller, guest.Device with { Mac = previous, AccessPoint = null });
            }
        });
    }

    /// <summary>Authorizes the device, records the grant for the sweep, then sends the guest on (or says why not).</summary>
    private static async Task<IResult> GrantAsync(
        HttpContext context, PortalText text, Guest guest, AccessBudget budget, DateTimeOffset until, CancellationToken cancellationToken, Func<Task>? granted = null)
    {
        var target = RedirectTarget(context);
        try
        {
            var status = await guest.Controller.AuthorizeAsync(new GuestAuthorization(guest.Device, budget), cancellationToken);
            await context.RequestServices.GetRequiredService<GuestGrantLedger>().RecordAsync(guest.RouterId, guest.Device, until, CancellationToken.None);
            if (granted is not null)
            {
                await granted();
            }

            if (!status.Authorized)
            {
                return PortalPage.Render(text, new PortalView(guest.Ssid, text.Pending, ContinueUrl: target?.AbsoluteUri));
            }

            return target is not null ? Results.Redirect(target.AbsoluteUri) : PortalPage.Render(text, new PortalView(guest.Ssid, text.Online));
        }
        catch (ControllerException e)
        {
            return ControllerFailure(text, guest, e);
        }
    }

    private static IResult ControllerFailure(PortalText text, Guest guest, ControllerException e)
    {
        var (message, statusCode) = e.Error switch
        {
            ControllerError.UnknownSite => (text.UnknownSite, StatusCodes.Status404NotFound),
            ControllerError.DeviceNotFound => (text.NotConnected, StatusCodes.Status422UnprocessableEntity),
            ControllerError.NotAGuest => (text.NotAGuest, StatusCodes.Status422UnprocessableEntity),
            ControllerError.Unavailable => (text.Unavailable, StatusCodes.Status503ServiceUnavailable),
            _ => (text.Failed, StatusCodes.Status502BadGateway),
        };
        return PortalPage.Render(text, new PortalView(guest.Ssid, message), statusCode);
    }

    private static async Task DeauthorizeQuietlyAsync(IGuestAccessController controller, GuestDevice device)
    {
        try
        {
            await controller.DeauthorizeAsync(device, CancellationToken.None);
        }
        catch (ControllerException)
        {
            // Gone or unreachable: its grant is in the ledger, and the sweep revokes it when it ends.
        }
    }

    private static PortalView Retry(HttpContext context, Guest guest, string message) =>
        new(guest.Ssid, message, ShowForm: true, FreeMinutes: FreeMinutes(context));

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

    private static Uri? RedirectTarget(HttpContext context) =>
        SafeRedirect.Target(context.Request.Query["url"].FirstOrDefault(), context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value);
}
