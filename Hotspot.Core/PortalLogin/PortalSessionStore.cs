using Hotspot.Storage;
using Hotspot.Tenancy;

namespace Hotspot.PortalLogin;

/// <summary>Portal sessions by router; page ids come from the deployment-wide id allocator, so they are unique.</summary>
public sealed class PortalSessionStore(TableStore store, IdAllocator ids)
{
    public const string Table = "PortalSessions";
    private readonly TableRepository<PortalSessionEntity> _sessions = store.Repository<PortalSessionEntity>(Table);

    public Task<long> NextPageIdAsync(CancellationToken cancellationToken) => ids.NextAsync("portal_page", cancellationToken);

    public Task<PortalSessionEntity> AddAsync(PortalSessionEntity session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.PartitionKey = PortalSessionEntity.PartitionFor(session.RouterId);
        session.RowKey = PortalSessionEntity.Key(session.PageId);
        return _sessions.AddAsync(session, cancellationToken);
    }

    public Task<PortalSessionEntity?> GetAsync(long routerId, long pageId, CancellationToken cancellationToken) =>
        _sessions.GetAsync(PortalSessionEntity.PartitionFor(routerId), PortalSessionEntity.Key(pageId), cancellationToken);

    /// <summary>Marks the session ended unless someone else did first (false then); ETag-checked.</summary>
    public async Task<bool> EndAsync(PortalSessionEntity session, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Open = false;
        session.EndedAt = at;
        session.EndReason = reason;
        try
        {
            await _sessions.UpdateAsync(session, cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    /// <summary>The router's open sessions: a query on its partition, for the sweep.</summary>
    public IAsyncEnumerable<PortalSessionEntity> OpenOfAsync(long routerId, CancellationToken cancellationToken) =>
        _sessions.StreamPartitionAsync(PortalSessionEntity.PartitionFor(routerId), cancellationToken, "Open eq true");
}
