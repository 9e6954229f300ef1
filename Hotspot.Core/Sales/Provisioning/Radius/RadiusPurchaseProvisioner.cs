using Hotspot.Radius;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Provisioning.Radius;

/// <summary>
/// A purchase on a RADIUS router: provisioning is writing its entitlement (0 router round trips; the guest can log in
/// as soon as the row exists), revoking is marking it revoked (effective at the router's next Access-Request).
/// </summary>
public sealed class RadiusPurchaseProvisioner(RadiusStore store, TimeProvider clock)
{
    public async Task<ProvisioningResult> ProvisionAsync(RouterEntity router, ProvisioningOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(order);
        var stored = await store.AddEntitlementAsync(new RadiusEntitlementEntity
        {
            PartitionKey = StoredEntity.Key(router.Id),
            RowKey = order.Usuario,
            EmpresaId = order.EmpresaId,
            CompraId = order.CompraId,
            TiempoSegundos = order.TiempoSegundos,
            LimiteMb = order.LimiteMb,
            LimiteSubidaKbps = order.LimiteSubidaKbps,
            LimiteBajadaKbps = order.LimiteBajadaKbps,
            PerfilMikrotikNombre = order.PerfilMikrotikNombre,
            CreatedAt = clock.GetUtcNow(),
        }, cancellationToken);
        return stored.CompraId == order.CompraId
            ? new ProvisioningResult(ProvisioningStatus.Done, Detail: "RADIUS entitlement stored; the guest logs in through the router's page.")
            : new ProvisioningResult(ProvisioningStatus.NameTakenByAnother);
    }

    public async Task<ProvisioningResult> RevokeAsync(RouterEntity router, ProvisioningOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(order);
        await store.RevokeAsync(router.Id, order.Usuario, order.CompraId, cancellationToken);
        return new ProvisioningResult(ProvisioningStatus.Done);
    }
}
