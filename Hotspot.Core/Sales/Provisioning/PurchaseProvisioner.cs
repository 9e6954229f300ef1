using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Sales.Provisioning.Mikrotik;
using Hotspot.Sales.Provisioning.Radius;
using Hotspot.Sales.Provisioning.Unifi;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Provisioning;

/// <summary>
/// The <see cref="IPurchaseProvisioner"/> the purchase engine uses: finds the purchase's router within its company and
/// hands the order to the provisioner of the router's kind.
/// </summary>
public sealed class PurchaseProvisioner(
    TenancyCache tenancy, IMikrotikClients mikrotikClients, MikrotikPurchaseProvisioner mikrotik, UnifiPurchaseProvisioner unifi,
    RadiusPurchaseProvisioner radius) : IPurchaseProvisioner
{
    public Task<ProvisioningResult> ProvisionAsync(ProvisioningOrder order, CancellationToken cancellationToken) =>
        DispatchAsync(order, (client, ct) => mikrotik.ProvisionAsync(client, order, ct), (router, ct) => unifi.ProvisionAsync(router, order, ct),
            (router, ct) => radius.ProvisionAsync(router, order, ct), cancellationToken);

    public Task<ProvisioningResult> RevokeAsync(ProvisioningOrder order, CancellationToken cancellationToken) =>
        DispatchAsync(order, (client, ct) => mikrotik.RevokeAsync(client, order, ct), (router, ct) => unifi.RevokeAsync(router, order, ct),
            (router, ct) => radius.RevokeAsync(router, order, ct), cancellationToken);

    private async Task<ProvisioningResult> DispatchAsync(
        ProvisioningOrder order,
        Func<IRouterOsClient, CancellationToken, Task<ProvisioningResult>> onMikrotik,
        Func<RouterEntity, CancellationToken, Task<ProvisioningResult>> onUnifi,
        Func<RouterEntity, CancellationToken, Task<ProvisioningResult>> onRadius,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var found = await tenancy.RouterAsync(order.EmpresaId, order.RouterId, cancellationToken);
        var router = found?.EmpresaId == order.EmpresaId ? found : null;
        if (router is null)
        {
            return new ProvisioningResult(ProvisioningStatus.Rejected, Detail: $"Company {order.EmpresaId} has no router {order.RouterId}.");
        }

        return Kinds.RouterKindRegistry.For(router)?.Provisioning switch
        {
            Kinds.ProvisioningPath.RouterOsUser => await onMikrotik(await mikrotikClients.ForAsync(router, cancellationToken), cancellationToken),
            Kinds.ProvisioningPath.UnifiAuthorization => await onUnifi(router, cancellationToken),
            // A RADIUS router is never connected to: the entitlement in our tables is the access.
            Kinds.ProvisioningPath.EntitlementOnly => await onRadius(router, cancellationToken),
            _ => new ProvisioningResult(ProvisioningStatus.Rejected, Detail: $"Router {order.RouterId} is of a kind purchases cannot provision ({router.Tipo})."),
        };
    }
}
