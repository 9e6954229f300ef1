using Hotspot.Sales.Provisioning;

namespace Hotspot.Sales.Purchases.Engine;

/// <summary>
/// Stands in only when no router provisioner is registered: every purchase then waits, retried by the reconciler and
/// finally flagged for an operator, instead of the host failing to start.
/// </summary>
internal sealed class NoPurchaseProvisioner : IPurchaseProvisioner
{
    private static readonly ProvisioningResult Unavailable = new(ProvisioningStatus.RouterUnavailable, Detail: "No hay aprovisionador de routers registrado.");

    public Task<ProvisioningResult> ProvisionAsync(ProvisioningOrder order, CancellationToken cancellationToken) => Task.FromResult(Unavailable);

    public Task<ProvisioningResult> RevokeAsync(ProvisioningOrder order, CancellationToken cancellationToken) => Task.FromResult(Unavailable);
}
