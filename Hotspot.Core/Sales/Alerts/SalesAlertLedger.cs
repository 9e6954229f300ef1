using Hotspot.Sales.Purchases;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Alerts;

/// <summary>An alert raised once. Partition = the company, row = <c>{kind}:{SHA-256 of what it is about}</c>.</summary>
public sealed class SalesAlertEntity : StoredEntity
{
    public string Accion { get; set; } = "";

    public string Objetivo { get; set; } = "";

    public DateTimeOffset ReclamadaEn { get; set; }

    /// <summary>Set once the audit entry is written; a claim left unset by a worker that died is taken over.</summary>
    public bool Registrada { get; set; }
}

/// <summary>
/// The <c>AlertasVentas</c> table: makes each alert go to the audit log once, however many signals notice the same
/// condition (every webhook and poll re-reads the provider and would see the duplicate payment again). A worker claims
/// the alert (insert-if-absent), writes the audit entry, then marks the claim done; a claim left undone for
/// <see cref="ClaimTimeout"/> (its worker died in between) is taken over, so an alert is never lost.
/// </summary>
public sealed class SalesAlertLedger(TableStore store)
{
    public const string TableName = "AlertasVentas";
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(1);
    private readonly TableRepository<SalesAlertEntity> _alerts = store.Repository<SalesAlertEntity>(TableName);

    /// <summary>The claim to write the alert's audit entry, or null when it is written or another worker is writing it now.</summary>
    public async Task<SalesAlertEntity?> ClaimAsync(long empresaId, string accion, string about, string objetivo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = new SalesAlertEntity
        {
            PartitionKey = StoredEntity.Key(empresaId), RowKey = $"{accion}:{CompraClaims.Hash(about)}", Accion = accion, Objetivo = objetivo, ReclamadaEn = now,
        };
        try
        {
            return await _alerts.AddAsync(claim, cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
            var existing = await _alerts.GetAsync(claim.PartitionKey, claim.RowKey, cancellationToken);
            if (existing is null || existing.Registrada || existing.ReclamadaEn + ClaimTimeout > now)
            {
                return null;
            }

            existing.ReclamadaEn = now;
            return await TryUpdateAsync(existing, cancellationToken);
        }
    }

    public async Task DoneAsync(SalesAlertEntity claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        claim.Registrada = true;
        await TryUpdateAsync(claim, cancellationToken);
    }

    private async Task<SalesAlertEntity?> TryUpdateAsync(SalesAlertEntity claim, CancellationToken cancellationToken)
    {
        try
        {
            return await _alerts.UpdateAsync(claim, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }
}
