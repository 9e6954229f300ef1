using System.Security.Cryptography;
using Hotspot.Drivers;
using Hotspot.Http;
using Hotspot.Sales.Purchases;
using Hotspot.Tenancy;
using Hotspot.Unifi;
using Microsoft.Extensions.Options;

namespace Hotspot.ExternalPortal;

/// <summary>
/// The UniFi guest page's flow: the router and device the redirect names, then accepting the terms (free minutes,
/// unless set to 0), redeeming a voucher, or buying time; the device is authorized on the controller, the grant
/// recorded for the sweep, and the guest sent on to <c>url</c> when it is http(s) and the controller confirms. A
/// purchase the visit returns to (<see cref="GuestPortalVisit.Ticket"/>) shows its own screen instead of the forms.
/// </summary>
public sealed class UnifiGuestPortal(
    RouterStore routers, RouterControllers controllers, VoucherRedemption redemption, GuestGrantLedger grants, UnifiGuestSales sales, TimeProvider time,
    IOptions<PortalOptions> options)
{
    private int FreeMinutes => options.Value.FreeMinutes;

    public async Task<GuestPortalAnswer> ShowAsync(GuestPortalVisit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var (guest, problem) = await FindGuestAsync(visit, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        visit = guest!.Visit;
        if (visit.Ticket is { } ticket)
        {
            return Screen(visit, guest, ticket, await sales.FindAsync(guest.Shop, ticket, cancellationToken));
        }

        return Forms(guest);
    }

    /// <summary>The page's forms, posted back: accept the terms, redeem a voucher, buy, or abandon a purchase; a null form could not be read.</summary>
    public async Task<GuestPortalAnswer> SubmitAsync(GuestPortalVisit visit, PortalForm? form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var (guest, problem) = await FindGuestAsync(visit, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        visit = guest!.Visit;
        if (form is null)
        {
            return Retry(guest, visit.Text.Voucher.BadForm, StatusCodes.Status400BadRequest);
        }

        return form.Mode switch
        {
            PortalForm.VoucherMode => await RedeemAsync(visit, guest, form, cancellationToken),
            PortalForm.BuyMode => await BuyAsync(visit, guest, form, cancellationToken),
            PortalForm.AbandonMode => await AbandonAsync(visit, guest, form, cancellationToken),
            _ => await AcceptAsync(visit, guest, cancellationToken),
        };
    }

    /// <summary>
    /// Starts the purchase with the form's key (a second submit of the same form replays it, never buys twice), keeps it
    /// in the page's cookie and sends the guest to the provider's checkout.
    /// </summary>
    private async Task<GuestPortalAnswer> BuyAsync(GuestPortalVisit visit, Guest guest, PortalForm form, CancellationToken cancellationToken)
    {
        var words = visit.Text.Purchase;
        if (form.Key.Length is < 16 or > 64 || form.Producto.Length == 0 || !guest.Shop.Providers.Contains(form.Proveedor))
        {
            return Retry(guest, visit.Text.Voucher.BadForm, StatusCodes.Status400BadRequest);
        }

        try
        {
            var compra = await sales.BuyAsync(guest.Shop, visit, guest.Device.Mac.ToString(), form.Producto, form.Proveedor,
                form.Key + ":" + form.Producto + ":" + form.Proveedor, cancellationToken);
            if (!Uri.TryCreate(compra.Pago.UrlPago, UriKind.Absolute, out var checkout) || checkout.Scheme is not ("http" or "https"))
            {
                return Retry(guest, words.BuyFailed, StatusCodes.Status502BadGateway);
            }

            return GuestPortalAnswer.RedirectTo(checkout) with { RouterId = guest.RouterId, Remember = new GuestPurchaseTicket(compra.IdCompra, compra.TokenConsulta) };
        }
        catch (TooManyAttemptsException e)
        {
            return Retry(guest, words.TooMany, StatusCodes.Status429TooManyRequests) with { RetryAfter = e.RetryAfter };
        }
        catch (NotFoundException)
        {
            return Retry(guest, words.BuyFailed, StatusCodes.Status404NotFound);
        }
        catch (Exception e) when (e is InvalidFieldsException or ConflictException or ForbiddenException or BadRequestException)
        {
            return Retry(guest, words.BuyFailed, StatusCodes.Status422UnprocessableEntity);
        }
        catch (UnavailableException e)
        {
            return Retry(guest, words.BuyFailed, StatusCodes.Status503ServiceUnavailable) with { RetryAfter = e.RetryAfter };
        }
    }

    private async Task<GuestPortalAnswer> AbandonAsync(GuestPortalVisit visit, Guest guest, PortalForm form, CancellationToken cancellationToken)
    {
        if (GuestPurchaseTicket.Parse(form.Compra) is not { } ticket)
        {
            return Retry(guest, visit.Text.Voucher.BadForm, StatusCodes.Status400BadRequest);
        }

        try
        {
            return Screen(visit, guest, ticket, await sales.AbandonAsync(guest.Shop, ticket, cancellationToken));
        }
        catch (UnavailableException e)
        {
            // The provider could not be asked: the purchase stays as it was, and the guest may try again.
            var compra = await sales.FindAsync(guest.Shop, ticket, cancellationToken);
            var answer = Screen(visit, guest, ticket, compra);
            return answer with { View = answer.View! with { Message = visit.Text.Purchase.AbandonFailed }, RetryAfter = e.RetryAfter };
        }
    }

    /// <summary>One screen per purchase state, each with its way forward; an ended purchase is forgotten by the page.</summary>
    private GuestPortalAnswer Screen(GuestPortalVisit visit, Guest guest, GuestPurchaseTicket ticket, CompraEstado? compra)
    {
        var words = visit.Text.Purchase;
        if (compra is null)
        {
            return Forms(guest, words.Lost) with { Forget = true };
        }

        var mensaje = words.Mensaje(compra);
        PurchaseScreen? screen = compra.Estado switch
        {
            CompraEstados.Creada or CompraEstados.PendientePago => new(PurchaseScreenKind.Waiting, words.WaitingTitle, mensaje + " " + words.WaitingText, compra, ticket),
            CompraEstados.EnProceso => new(PurchaseScreenKind.Cash, words.CashTitle, mensaje + " " + words.CashText, compra, ticket),
            CompraEstados.Aprobada => new(PurchaseScreenKind.Activating, words.ActivatingTitle, mensaje, compra, ticket),
            CompraEstados.Provisionada => new(PurchaseScreenKind.Paid, words.PaidTitle, words.PaidText, compra, ticket),
            CompraEstados.Expirada => new(PurchaseScreenKind.Expired, words.ExpiredTitle, mensaje, compra, ticket),
            CompraEstados.RequiereAtencion => new(PurchaseScreenKind.Attention, words.AttentionTitle, mensaje, compra, ticket),
            CompraEstados.Reembolsada or CompraEstados.Contracargo => new(PurchaseScreenKind.Ended, words.EndedTitle, mensaje, compra, ticket),
            _ => null,
        };
        if (screen is null)
        {
            // Rejected or cancelled: back to the plans, with the reason.
            return Forms(guest, mensaje) with { Forget = true };
        }

        var waiting = screen.Kind is PurchaseScreenKind.Waiting or PurchaseScreenKind.Cash or PurchaseScreenKind.Activating;
        var view = guest.View() with { Purchase = screen, ContinueUrl = screen.Kind == PurchaseScreenKind.Paid ? RedirectTarget(visit)?.AbsoluteUri : null };
        return GuestPortalAnswer.Page(view) with { RouterId = guest.RouterId, Remember = waiting ? ticket : null, Forget = !waiting };
    }

    private GuestPortalAnswer Forms(Guest guest, string? message = null) =>
        GuestPortalAnswer.Page(guest.View() with { Message = message, ShowForm = true, FreeMinutes = FreeMinutes }) with { RouterId = guest.RouterId };

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
            return GuestPortalAnswer.Page(guest.View(text.NotConnected), StatusCodes.Status422UnprocessableEntity);
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
                : GuestPortalAnswer.Page(guest.View(visit.Text.Pending) with { ContinueUrl = RedirectTarget(visit)?.AbsoluteUri });
        }
        catch (ControllerException e)
        {
            return ControllerFailure(visit.Text, guest, e);
        }
    }

    private GuestPortalAnswer Online(GuestPortalVisit visit, Guest guest) =>
        RedirectTarget(visit) is { } target ? GuestPortalAnswer.RedirectTo(target) : GuestPortalAnswer.Page(guest.View(visit.Text.Online));

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
        return GuestPortalAnswer.Page(guest.View(message), statusCode) with { RetryAfter = e.RetryAfter };
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
        GuestPortalAnswer.Page(guest.View() with { Message = message, ShowForm = true, FreeMinutes = FreeMinutes }, status) with { RouterId = guest.RouterId };

    private Uri? RedirectTarget(GuestPortalVisit visit) => SafeRedirect.Target(visit.Url, options.Value);

    private sealed record Guest(long RouterId, IGuestAccessController Controller, GuestDevice Device, string Ssid, GuestShop Shop, GuestPortalVisit Visit)
    {
        /// <summary>A page in the venue's brand and language, with a fresh key for its purchase forms.</summary>
        public PortalView View(string? message = null) => new(Ssid, message)
        {
            Text = Visit.Text, Brand = Shop.Brand, Shop = Shop, PageUrl = Visit.PageUrl, Nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        };
    }

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
        if (await sales.ShopAsync(router, cancellationToken) is not { } shop)
        {
            return (null, GuestPortalAnswer.Page(new PortalView(visit.Ssid, text.UnknownRouter), StatusCodes.Status404NotFound));
        }

        // The browser's language when it asks for Spanish or English; otherwise the venue's.
        var local = visit.LanguageAsked ? visit : visit with { Text = PortalText.Of(shop.Brand.Idioma) };
        return (new Guest(router.Id, controllers.For(router)!, device, visit.Ssid, shop, local), null);
    }
}
