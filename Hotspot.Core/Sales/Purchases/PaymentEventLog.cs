using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Purchases;

/// <summary>A webhook already handled. Partition = the company, row = <c>{proveedor}:{SHA-256 of the dedupe key}</c>.</summary>
public sealed class PaymentEventEntity : StoredEntity
{
    public string Proveedor { get; set; } = "";

    public string Tipo { get; set; } = "";

    public string? CompraId { get; set; }

    public DateTimeOffset RecibidoEn { get; set; }
}

/// <summary>
/// The <c>EventosPago</c> table: a webhook is recorded once it has been handled, so a redelivery or a duplicate is
/// answered at once. Recording after handling (not before) means a crash mid-way never swallows the notification;
/// two copies handled at once are harmless, because handling only re-reads the provider and requests transitions.
/// </summary>
public sealed class PaymentEventLog(TableStore store)
{
    public const string TableName = "EventosPago";
    private readonly TableRepository<PaymentEventEntity> _events = store.Repository<PaymentEventEntity>(TableName);

    public async Task<bool> SeenAsync(long empresaId, string proveedor, string dedupeKey, CancellationToken cancellationToken) =>
        await _events.GetAsync(StoredEntity.Key(empresaId), Row(proveedor, dedupeKey), cancellationToken) is not null;

    public Task RecordAsync(long empresaId, string proveedor, string dedupeKey, string tipo, string? compraId, DateTimeOffset now, CancellationToken cancellationToken) =>
        _events.UpsertAsync(new PaymentEventEntity
        {
            PartitionKey = StoredEntity.Key(empresaId), RowKey = Row(proveedor, dedupeKey), Proveedor = proveedor, Tipo = tipo, CompraId = compraId, RecibidoEn = now,
        }, cancellationToken);

    private static string Row(string proveedor, string dedupeKey) => $"{proveedor}:{CompraClaims.Hash(dedupeKey)}";
}
