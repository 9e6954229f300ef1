using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Provisioning.Unifi;

/// <summary>
/// What a purchase gives on a UniFi router, held by us as a voucher is (the controller knows nothing of purchases).
/// Partition = the router, row = the purchase. The clock starts when the buyer's device is first authorized.
/// </summary>
public sealed class PurchaseEntitlementEntity : StoredEntity
{
    public long EmpresaId { get; set; }

    public string Usuario { get; set; } = "";

    public long TiempoSegundos { get; set; }

    public long? LimiteMb { get; set; }

    public int? LimiteSubidaKbps { get; set; }

    public int? LimiteBajadaKbps { get; set; }

    /// <summary>The device the time was granted to, once it was.</summary>
    public string? Mac { get; set; }

    /// <summary>When the time bought runs out: set (before the controller is asked) when the device is first authorized.</summary>
    public DateTimeOffset? Until { get; set; }

    /// <summary>Refunded or charged back: no access is granted again.</summary>
    public bool Revoked { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Entitlements by router and purchase. Creation is insert-if-absent on the purchase, and every change is ETag-checked
/// and applied again to a fresh read when another run wrote first, so concurrent runs of one purchase agree.
/// </summary>
public sealed class PurchaseEntitlements(TableStore store)
{
    public const string Table = "PurchaseEntitlements";
    private const int Attempts = 5;
    private readonly TableRepository<PurchaseEntitlementEntity> _rows = store.Repository<PurchaseEntitlementEntity>(Table);

    public Task<PurchaseEntitlementEntity?> GetAsync(long routerId, string compraId, CancellationToken cancellationToken) =>
        _rows.GetAsync(StoredEntity.Key(routerId), compraId, cancellationToken);

    /// <summary>The purchase's entitlement, made from the order when there is none, then changed by <paramref name="change"/> (false: nothing to write).</summary>
    public async Task<PurchaseEntitlementEntity> ApplyAsync(
        ProvisioningOrder order, DateTimeOffset now, Func<PurchaseEntitlementEntity, bool> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var row = await GetAsync(order.RouterId, order.CompraId, cancellationToken);
            try
            {
                if (row is null)
                {
                    row = New(order, now);
                    change(row);
                    return await _rows.AddAsync(row, cancellationToken);
                }

                return change(row) ? await _rows.UpdateAsync(row, cancellationToken) : row;
            }
            catch (Exception e) when (e is EntityAlreadyExistsException or ConcurrencyConflictException && attempt < Attempts)
            {
                // Another run of the same purchase wrote first: apply the change to what it wrote.
            }
        }
    }

    private static PurchaseEntitlementEntity New(ProvisioningOrder order, DateTimeOffset now) => new()
    {
        PartitionKey = StoredEntity.Key(order.RouterId),
        RowKey = order.CompraId,
        EmpresaId = order.EmpresaId,
        Usuario = order.Usuario,
        TiempoSegundos = order.TiempoSegundos,
        LimiteMb = order.LimiteMb,
        LimiteSubidaKbps = order.LimiteSubidaKbps,
        LimiteBajadaKbps = order.LimiteBajadaKbps,
        CreatedAt = now,
    };
}
