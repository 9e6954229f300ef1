using Hotspot.Mikrotik;
using Hotspot.Sales.Provisioning.Mikrotik;
using Hotspot.Tenancy;

namespace Hotspot.Sales.Provisioning;

/// <summary>
/// The <see cref="IPurchaseProvisioner"/> the purchase engine uses: finds the purchase's router within its company and
/// hands the order to the provisioner of the router's kind.
/// </summary>
public sealed class PurchaseProvisioner(TenancyCache tenancy, IMikrotikClients mikrotikClients, MikrotikPurchaseProvisioner mikrotik) : IPurchaseProvisioner
{
    public Task<ProvisioningResult> ProvisionAsync(ProvisioningOrder order, CancellationToken cancellationToken) =>
        DispatchAsync(order, (client, ct) => mikrotik.ProvisionAsync(client, order, ct), cancellationToken);

    public Task<ProvisioningResult> RevokeAsync(ProvisioningOrder order, CancellationToken cancellationToken) =>
        DispatchAsync(order, (client, ct) => mikrotik.RevokeAsync(client, order, ct), cancellationToken);

    private async Task<ProvisioningResult> DispatchAsync(
        ProvisioningOrder order, Func<RouterOs.IRouterOsClient, CancellationToken, Task<ProvisioningResult>> onMikrotik, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var router = await tenancy.RouterAsync(order.EmpresaId, order.RouterId, cancellationToken);
        return router?.Tipo switch
        {
            RouterKinds.Mikrotik => await onMikrotik(await mikrotikClients.ForAsync(router, cancellationToken), cancellationToken),
            null => new ProvisioningResult(ProvisioningStatus.Rejected, Detail: $"Company {order.EmpresaId} has no router {order.RouterId}."),
            _ => new ProvisioningResult(ProvisioningStatus.Rejected, Detail: $"Router {order.RouterId} is of a kind purchases cannot provision yet ({router.Tipo})."),
        };
    }
}
