using Azure.Data.Tables;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Purchases;

/// <summary>A purchase the reconciler must come back to. Partition "pendiente", row = the purchase id.</summary>
public sealed class CompraPendienteEntity : StoredEntity
{
    public const string Partition = "pendiente";

    public long EmpresaId { get; set; }

    public DateTimeOffset ProximoIntento { get; set; }
}

/// <summary>
/// The <c>ComprasPendientes</c> table: what the reconciler timer reads instead of scanning every company's purchases.
/// An entry is written before the purchase needs work (so a crash never loses it) and removed after the purchase is
/// settled; an entry whose purchase needs nothing is simply removed when found.
/// </summary>
public sealed class CompraWorkList(TableStore store)
{
    public const string TableName = "ComprasPendientes";
    private readonly TableRepository<CompraPendienteEntity> _entries = store.Repository<CompraPendienteEntity>(TableName);

    public Task ScheduleAsync(CompraEntity compra, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compra);
        return _entries.UpsertAsync(new CompraPendienteEntity
        {
            PartitionKey = CompraPendienteEntity.Partition, RowKey = compra.Id, EmpresaId = compra.EmpresaId, ProximoIntento = at,
        }, cancellationToken);
    }

    public Task DoneAsync(string compraId, CancellationToken cancellationToken) =>
        _entries.DeleteAsync(CompraPendienteEntity.Partition, compraId, Azure.ETag.All, cancellationToken);

    public IAsyncEnumerable<CompraPendienteEntity> DueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _entries.StreamPartitionAsync(CompraPendienteEntity.Partition, cancellationToken, TableClient.CreateQueryFilter($"ProximoIntento le {now}"));
}
