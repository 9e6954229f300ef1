using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Purchases;

/// <summary>A webhook claimed for handling. Partition = the company, row = <c>{proveedor}:{SHA-256 of the dedupe key}</c>.</summary>
public sealed class PaymentEventEntity : StoredEntity
{
    public string Proveedor { get; set; } = "";

    public string Tipo { get; set; } = "";

    public string? CompraId { get; set; }

    public DateTimeOffset RecibidoEn { get; set; }

    /// <summary>True while the copy that claimed it is handling it (rows written before claims existed read false: handled).</summary>
    public bool EnCurso { get; set; }
}

/// <summary>
/// The <c>EventosPago</c> table, claimed with an atomic insert: of N copies of one notification arriving at once,
/// exactly one inserts the row (the others get 409 and are answered as duplicates). The row is marked handled after
/// the work; a copy whose handling failed releases its claim (the provider's retry is then new), and a claim left by a
/// crashed worker lapses after <see cref="ClaimLease"/>, so a crash never swallows the notification.
/// </summary>
public sealed class PaymentEventLog(TableStore store)
{
    public const string TableName = "EventosPago";

    /// <summary>How long a claim holds off copies while its worker handles it (a webhook's router work is cut at 8 s).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(60);

    private readonly TableRepository<PaymentEventEntity> _events = store.Repository<PaymentEventEntity>(TableName);

    /// <summary>The claim, when this copy is the one to handle the notification; null when another copy has it or had it.</summary>
    public async Task<PaymentEventEntity?> ClaimAsync(long empresaId, string proveedor, string dedupeKey, string tipo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = new PaymentEventEntity
        {
            PartitionKey = StoredEntity.Key(empresaId), RowKey = Row(proveedor, dedupeKey), Proveedor = proveedor, Tipo = tipo, RecibidoEn = now, EnCurso = true,
        };
        try
        {
            return await _events.AddAsync(claim, cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
            var held = await _events.GetAsync(claim.PartitionKey, claim.RowKey, cancellationToken);
            if (held is null || !held.EnCurso || held.RecibidoEn + ClaimLease > now)
            {
                return null;
            }

            // The worker that claimed it is gone: take it over, under the ETag so only one copy does.
            held.RecibidoEn = now;
            try
            {
                return await _events.UpdateAsync(held, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        }
    }

    public async Task DoneAsync(PaymentEventEntity claim, string? compraId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        claim.EnCurso = false;
        claim.CompraId = compraId;
        await _events.UpsertAsync(claim, cancellationToken);
    }

    /// <summary>Gives the notification back: the provider's next delivery of it is handled as new.</summary>
    public async Task ReleaseAsync(PaymentEventEntity claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await _events.DeleteAsync(claim.PartitionKey, claim.RowKey, Azure.ETag.All, cancellationToken);
    }

    private static string Row(string proveedor, string dedupeKey) => $"{proveedor}:{CompraClaims.Hash(dedupeKey)}";
}
