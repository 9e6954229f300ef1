using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Radius;

/// <summary>RADIUS entitlements and accounting sessions in Table Storage. No state is held in memory: any instance answers.</summary>
public sealed class RadiusStore(TableStore store)
{
    public const string EntitlementsTable = "RadiusEntitlements";
    public const string SessionsTable = "RadiusSessions";
    private const int Attempts = 8;
    private readonly TableRepository<RadiusEntitlementEntity> _entitlements = store.Repository<RadiusEntitlementEntity>(EntitlementsTable);
    private readonly TableRepository<RadiusSessionEntity> _sessions = store.Repository<RadiusSessionEntity>(SessionsTable);

    public Task<RadiusEntitlementEntity?> EntitlementAsync(long routerId, string usuario, CancellationToken cancellationToken) =>
        _entitlements.GetAsync(StoredEntity.Key(routerId), usuario, cancellationToken);

    /// <summary>Inserts the entitlement if absent; answers the row that is there (possibly another purchase's) otherwise.</summary>
    public async Task<RadiusEntitlementEntity> AddEntitlementAsync(RadiusEntitlementEntity entitlement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        try
        {
            return await _entitlements.AddAsync(entitlement, cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
            return await _entitlements.GetAsync(entitlement.PartitionKey, entitlement.RowKey, cancellationToken)
                ?? throw new StoreContendedException($"RADIUS entitlement {entitlement.RowKey}");
        }
    }

    /// <summary>Marks the purchase's entitlement revoked (ETag-checked, retried on a concurrent write); false when there is none of this purchase.</summary>
    public async Task<bool> RevokeAsync(long routerId, string usuario, string compraId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var row = await EntitlementAsync(routerId, usuario, cancellationToken);
            if (row is null || row.CompraId != compraId)
            {
                return false;
            }

            if (row.Revoked)
            {
                return true;
            }

            row.Revoked = true;
            try
            {
                await _entitlements.UpdateAsync(row, cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                // Written meanwhile: read again and apply to what is there.
            }
        }

        throw new StoreContendedException($"RADIUS entitlement {usuario}");
    }

    /// <summary>Seconds and bytes the family's sessions on the router have used, each session counted once.</summary>
    public async Task<(long Seconds, long Bytes)> UsageAsync(long routerId, string usuario, CancellationToken cancellationToken) =>
        Usage(await SessionsAsync(routerId, usuario, cancellationToken));

    /// <summary>The family's sessions: one partition per purchase, a handful of rows read in one page.</summary>
    public async Task<IReadOnlyList<RadiusSessionEntity>> SessionsAsync(long routerId, string usuario, CancellationToken cancellationToken)
    {
        var sessions = new List<RadiusSessionEntity>();
        await foreach (var session in _sessions.StreamPartitionAsync(RadiusSessionEntity.Partition(routerId, usuario), cancellationToken))
        {
            sessions.Add(session);
        }

        return sessions;
    }

    public static (long Seconds, long Bytes) Usage(IEnumerable<RadiusSessionEntity> sessions) =>
        sessions.Aggregate((Seconds: 0L, Bytes: 0L), (sum, s) => (sum.Seconds + s.SessionSeconds, sum.Bytes + s.InputBytes + s.OutputBytes));

    /// <summary>Writes the family's row if nobody wrote it since it was read; false when somebody did (read it again).</summary>
    public async Task<bool> TryWriteFamilyAsync(RadiusEntitlementEntity family, CancellationToken cancellationToken)
    {
        try
        {
            await _entitlements.UpdateAsync(family, cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    /// <summary>Folds one accounting report into its session row: counters only grow, Stop is sticky. Idempotent under retransmission and reordering.</summary>
    public async Task FoldAsync(long routerId, string usuario, string sessionId, AccountingReport report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var partition = RadiusSessionEntity.Partition(routerId, usuario);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var row = await _sessions.GetAsync(partition, sessionId, cancellationToken);
            try
            {
                if (row is null)
                {
                    await _sessions.AddAsync(Apply(new RadiusSessionEntity { PartitionKey = partition, RowKey = sessionId, Mac = report.Mac }, report, now), cancellationToken);
                    return;
                }

                if (!Changes(row, report, now))
                {
                    return;
                }

                await _sessions.UpdateAsync(Apply(row, report, now), cancellationToken);
                return;
            }
            catch (Exception e) when (e is EntityAlreadyExistsException or ConcurrencyConflictException)
            {
                // Another instance folded a copy or a sibling update first: fold into what it wrote.
            }
        }

        throw new StoreContendedException($"RADIUS session {sessionId}");
    }

    // A report that adds nothing still counts as hearing from an open session (a lost Stop is told by silence).
    private static bool Changes(RadiusSessionEntity row, AccountingReport report, DateTimeOffset now) =>
        (!row.Stopped && now - row.UpdatedAt >= RadiusPolicy.InterimInterval / 2) || report.SessionSeconds > row.SessionSeconds || report.InputBytes > row.InputBytes || report.OutputBytes > row.OutputBytes || (report.Stop && !row.Stopped);

    private static RadiusSessionEntity Apply(RadiusSessionEntity row, AccountingReport report, DateTimeOffset now)
    {
        row.SessionSeconds = Math.Max(row.SessionSeconds, report.SessionSeconds);
        row.InputBytes = Math.Max(row.InputBytes, report.InputBytes);
        row.OutputBytes = Math.Max(row.OutputBytes, report.OutputBytes);
        row.Stopped |= report.Stop;
        row.Mac ??= report.Mac;
        row.UpdatedAt = now;
        return row;
    }
}

/// <summary>What one Accounting-Request reports: the session's totals so far (RADIUS counters are cumulative).</summary>
public sealed record AccountingReport(long SessionSeconds, long InputBytes, long OutputBytes, bool Stop, string? Mac = null);
