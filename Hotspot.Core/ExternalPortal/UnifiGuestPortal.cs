using Hotspot.Drivers;
using Hotspot.Tenancy;
using Hotspot.Unifi;
using Microsoft.Extensions.Options;

namespace Hotspot.ExternalPortal;

/// <summary>
/// The UniFi guest page's grant flow: the router and device the redirect names, then accepting the terms (free
/// minutes, unless set to 0) or redeeming a voucher; the device is authorized on the controller, the grant recorded for
/// the sweep, and the guest sent on to <c>url</c> when it is http(s) and the controller confirms.
/// </summary>
public sealed class UnifiGuestPortal(
    RouterStore routers, RouterControllers controllers, VoucherRedemption redemption, GuestGrantLedger grants, TimeProvider time, IOptions<PortalOptions> options)
{
    private int FreeMinutes => options.Value.FreeMinutes;

    public async Task<GuestPortalAnswer> ShowAsync(GuestPortalVisit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var (guest, problem) = await FindGuestAsync(visit, cancellationToken);
        return problem ?? GuestPortalAnswer.Page(new PortalView(guest!.Ssid, ShowForm: true, FreeMinutes: FreeMinutes));
    }

    /// <summary>The page's forms, posted back: accept the terms, or redeem a voucher; a null form could not be read.</summary>
    public async Task<GuestPortalAnswer> SubmitAsync(GuestPortalVisit visit, PortalForm? form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var (guest, problem) = await FindGuestAsync(visit, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (form is null)
        {
            return Retry(guest!, visit.Text.Voucher.BadForm, StatusCodes.Status400BadRequest);
        }

        return form.Mode == PortalForm.VoucherMode
            ? await RedeemAsync(visit, guest!, form, cancellationToken)
            : await AcceptAsync(visit, guest!, cancellationToken);
    }

    private async Task<GuestPortalAnswer> AcceptAsync(GuestPortalVisit visit, Guest guest, CancellationToken cancellationToken)
    {
        if (FreeMinutes <= 0)
        {
            return Retry(guest, visit.Text.Voucher.NoFreeAccess, StatusCodes.Status403Forbidden);
        }

        var budget = new AccessBudget(TimeSpan.FromMinutes(FreeMinutes));
        return await GrantAsync(visit, guest, budget, time.GetUtcNow() + budget.TimeLimit, cancellationToken);
    }

    private async Task<GuestPortalAnswer> RedeemAsync(GuestPortalVisit visit, Guest guest, PortalForm form, CancellationToken cancellationToken)
    {
        var text = visit.Text;
        if (form.Username.Length == 0 || form.Passcode.Length == 0)
        {
            return Retry(guest, text.Voucher.Invalid, StatusCodes.Status422UnprocessableEntity);
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
            return GuestPortalAnswer.Page(new PortalView(guest.Ssid, text.NotConnected), StatusCodes.Status422UnprocessableEntity);
        }

        var (grant, refusal) = await redemption.CheckAsync(guest.RouterId, form.Username, form.Passcode, guest.Device.Mac, visit.ClientAddress, cancellationToken);
        if (grant is null)
        {
            var (message, status) = refusal switch
            {
                VoucherRefusal.Throttled => (text.Voucher.Throttled, StatusCodes.Status429TooManyRequests),
                VoucherRefusal.NotYetValid => (text.Voucher.NotYetValid, StatusCodes.Status403Forbidden),
                VoucherRefusal.Expired => (text.Voucher.Expired, StatusCodes.Status403Forbidden),
                _ => (text.Voucher.Invalid, StatusCodes.Status401Unauthorized),
            };
            return Retry(guest, message, status);
        }

        if (guest.Device.Mac.Matches(grant.Voucher.Mac) && connected.Authorized)
        {
            // Already online on this voucher: authorizing again would reset the controller's data counters.
            return Online(visit, guest);
        }

        return await GrantAsync(visit, guest, grant.Budget, grant.Until, cancellationToken, async () =>
        {
            // One device at a time: the voucher's previous device loses the access it moves away from.
            if (await redemption.RecordLoginAsync(grant, guest.Device.Mac, CancellationToken.None) is { } previous)
            {
                await DeauthorizeQuietlyAsync(guest.Controller, guest.Device with { Mac = previous, AccessPoint = null });
            }
        });
    }

    /// <summary>Authorizes the device, records the grant for the sweep, then sends the guest on (or says why not).</summary>
    private async Task<GuestPortalAnswer> GrantAsync(
        GuestPortalVisit visit, Guest guest, AccessBudget budget, DateTimeOffset until, CancellationToken cancellationToken, Func<Task>? granted = null)
    {
        try
        {
            var status = await guest.Controller.AuthorizeAsync(new GuestAuthorization(guest.Device, budget), cancellationToken);
            await grants.RecordAsync(guest.RouterId, guest.Device, until, CancellationToken.None);
            if (granted is not null)
            {
                await granted();
            }

            return status.Authorized
                ? Online(visit, guest)
                : GuestPortalAnswer.Page(new PortalView(guest.Ssid, visit.Text.Pending, ContinueUrl: RedirectTarget(visit)?.AbsoluteUri));
        }
        catch (ControllerException e)
        {
            return ControllerFailure(visit.Text, guest, e);
        }
    }

    private GuestPortalAnswer Online(GuestPortalVisit visit, Guest guest) =>
        RedirectTarget(visit) is { } target ? GuestPortalAnswer.RedirectTo(target) : GuestPortalAnswer.Page(new PortalView(guest.Ssid, visit.Text.Online));

    private static GuestPortalAnswer ControllerFailure(PortalText text, Guest guest, ControllerException e)
    {
        var (message, statusCode) = e.Error switch
        {
            ControllerError.UnknownSite => (text.UnknownSite, StatusCodes.Status404NotFound),
            ControllerError.DeviceNotFound => (text.NotConnected, StatusCodes.Status422UnprocessableEntity),
            ControllerError.NotAGuest => (text.NotAGuest, StatusCodes.Status422UnprocessableEntity),
            ControllerError.Unavailable => (text.Unavailable, StatusCodes.Status503ServiceUnavailable),
            _ => (text.Failed, StatusCodes.Status502BadGateway),
        };
        return GuestPortalAnswer.Page(new PortalView(guest.Ssid, message), statusCode) with { RetryAfter = e.RetryAfter };
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

    private GuestPortalAnswer Retry(Guest guest, string message, int status) =>
        GuestPortalAnswer.Page(new PortalView(guest.Ssid, message, ShowForm: true, FreeMinutes: FreeMinutes), status);

    private Uri? RedirectTarget(GuestPortalVisit visit) => SafeRedirect.Target(visit.Url, options.Value);

    private sealed record Guest(long RouterId, IGuestAccessController Controller, GuestDevice Device, string Ssid);

    private async Task<(Guest? Guest, GuestPortalAnswer? Problem)> FindGuestAsync(GuestPortalVisit visit, CancellationToken cancellationToken)
    {
        var text = visit.Text;
        var router = await PortalRouterLookup.FindAsync(visit.RouterId, routers, cancellationToken);
        if (router is null || !UnifiFilter.IsValidSiteReference(visit.Site))
        {
            return (null, GuestPortalAnswer.Page(new PortalView(visit.Ssid, router is null ? text.UnknownRouter : text.UnknownSite), StatusCodes.Status404NotFound));
        }

        MacAddress ap = default;
        if (!MacAddress.TryParse(visit.DeviceMac, out var mac) || (visit.AccessPointMac is not null && !MacAddress.TryParse(visit.AccessPointMac, out ap)))
        {
            return (null, GuestPortalAnswer.Page(new PortalView(visit.Ssid, text.BadDevice), StatusCodes.Status400BadRequest));
        }

        var device = new GuestDevice(mac, visit.Site, visit.AccessPointMac is null ? null : ap);
        return (new Guest(router.Id, controllers.For(router)!, device, visit.Ssid), null);
    }
}
