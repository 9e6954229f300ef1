using Hotspot.Drivers;
using Hotspot.ExternalPortal;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sweeper;

/// <summary>
/// UniFi routers: guest access our records say has ended is revoked if the controller still shows it authorized
/// (a controller that kept a grant, or applied it late), and the record is dropped.
/// </summary>
public sealed class UnifiGrantSweep(GuestGrantLedger ledger, RouterControllers controllers, TimeProvider time)
{
    public async Task<int> SweepAsync(RouterEntity router, CancellationToken cancellationToken)
    {
        var controller = controllers.For(router) ?? throw new InvalidOperationException($"No driver for router {router.Id} ({router.Tipo}).");
        var revoked = 0;
        await foreach (var grant in ledger.EndedAsync(router.Id, time.GetUtcNow(), cancellationToken))
        {
            var device = new GuestDevice(MacAddress.Parse(grant.Mac), grant.Site);
            try
            {
                if (await controller.GetStatusAsync(device, cancellationToken) is { Authorized: true })
                {
                    revoked += await controller.DeauthorizeAsync(device, cancellationToken) ? 1 : 0;
                }
            }
            catch (ControllerException e) when (e.Error is ControllerError.DeviceNotFound or ControllerError.NotAGuest)
            {
                // Gone from the controller: nothing to revoke.
            }

            try
            {
                await ledger.ForgetAsync(grant, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Granted again meanwhile: the new record stands.
            }
        }

        return revoked;
    }
}
