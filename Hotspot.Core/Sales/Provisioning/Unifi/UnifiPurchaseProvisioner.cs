using Hotspot.Drivers;
using Hotspot.ExternalPortal;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Provisioning.Unifi;

/// <summary>
/// A purchase on a UniFi router: an entitlement in our tables (the time bought and the product's limits) and the buyer's
/// device authorized on the controller until the entitlement ends, with the product's rate and data limits. The grant
/// is written to the ledger before the controller is asked, so the sweep takes back whatever a crash leaves behind.
/// </summary>
public sealed class UnifiPurchaseProvisioner(PurchaseEntitlements entitlements, GuestGrantLedger ledger, RouterControllers controllers, TimeProvider time)
{
    /// <summary>The controller rounds a grant down to whole minutes; an authorization ending this close to ours is ours.</summary>
    private static readonly TimeSpan SameGrant = TimeSpan.FromMinutes(2);

    public async Task<ProvisioningResult> ProvisionAsync(RouterEntity router, ProvisioningOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(order);
        PurchaseMarker.Word(order.CompraId);
        var now = time.GetUtcNow();
        var mac = order.MacComprador;
        var entitlement = await entitlements.ApplyAsync(order, now, row =>
        {
            if (row.Revoked || row.Until is not null || mac is null)
            {
                return false;
            }

            (row.Mac, row.Until) = (mac.Value.ToString(), now + TimeSpan.FromSeconds(row.TiempoSegundos));
            return true;
        }, cancellationToken);

        if (entitlement.Revoked || !MacAddress.TryParse(entitlement.Mac, out var granted) || entitlement.Until is not { } until)
        {
            // Refunded, or no device to authorize yet: the entitlement is all there is.
            return new ProvisioningResult(ProvisioningStatus.Done, Detail: entitlement.Revoked ? "The purchase was revoked." : "No device to authorize yet.");
        }

        var left = until - now;
        if (left < TimeSpan.FromMinutes(1))
        {
            return new ProvisioningResult(ProvisioningStatus.Done, Detail: "The time bought is spent.");
        }

        var device = new GuestDevice(granted);
        var controller = Controller(router);
        try
        {
            await ledger.RecordAsync(router.Id, device, until, cancellationToken);
            if (await controller.GetStatusAsync(device, cancellationToken) is { Authorized: true, ExpiresAt: { } expires } && (expires - until).Duration() <= SameGrant)
            {
                return new ProvisioningResult(ProvisioningStatus.Done, LoggedIn: true, Detail: "Found the authorization an earlier run made.");
            }

            var budget = new AccessBudget(left, entitlement.LimiteMb, entitlement.LimiteBajadaKbps, entitlement.LimiteSubidaKbps);
            var status = await controller.AuthorizeAsync(new GuestAuthorization(device, budget, entitlement.Usuario), cancellationToken);
            return new ProvisioningResult(ProvisioningStatus.Done, LoggedIn: status.Authorized);
        }
        catch (ControllerException e)
        {
            return Failed(router, e);
        }
    }

    /// <summary>Ends the entitlement (a purchase never provisioned gets a revoked one, so a late provision grants nothing) and unauthorizes the device.</summary>
    public async Task<ProvisioningResult> RevokeAsync(RouterEntity router, ProvisioningOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(order);
        PurchaseMarker.Word(order.CompraId);
        var now = time.GetUtcNow();
        var entitlement = await entitlements.ApplyAsync(order, now, row =>
        {
            if (row.Revoked)
            {
                return false;
            }

            row.Revoked = true;
            row.Until = row.Until < now ? row.Until : row.Until is null ? null : now;
            return true;
        }, cancellationToken);

        if (!MacAddress.TryParse(entitlement.Mac, out var granted))
        {
            return new ProvisioningResult(ProvisioningStatus.Done);
        }

        var device = new GuestDevice(granted);
        try
        {
            // Ended in the ledger first: if the controller cannot be told now, the sweep takes the access back.
            await ledger.RecordAsync(router.Id, device, now, cancellationToken);
            await Controller(router).DeauthorizeAsync(device, cancellationToken);
            return new ProvisioningResult(ProvisioningStatus.Done);
        }
        catch (ControllerException e) when (e.Error is ControllerError.DeviceNotFound or ControllerError.NotAGuest)
        {
            // Not connected: nothing is authorized to take back now.
            return new ProvisioningResult(ProvisioningStatus.Done);
        }
        catch (ControllerException e)
        {
            return Failed(router, e);
        }
    }

    private IGuestAccessController Controller(RouterEntity router) =>
        controllers.For(router) ?? throw new InvalidOperationException($"No driver for router {router.Id} ({router.Tipo}).");

    private static ProvisioningResult Failed(RouterEntity router, ControllerException e) => e.Error switch
    {
        // The device left before it was authorized: the entitlement stands and a rerun authorizes it when it is back.
        ControllerError.DeviceNotFound or ControllerError.NotAGuest or ControllerError.GuestRejected =>
            new(ProvisioningStatus.Done, Detail: $"UniFi router {router.Id}: {e.Message}"),
        ControllerError.LimitOutOfRange or ControllerError.InvalidArgument or ControllerError.UnknownSite =>
            new(ProvisioningStatus.Rejected, Detail: $"UniFi router {router.Id}: {e.Message}"),
        _ => new(ProvisioningStatus.RouterUnavailable, Detail: $"UniFi router {router.Id}: {e.Message}"),
    };
}
