using System.Collections.Concurrent;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Reconnect;

public sealed class FirstSessionEntity : StoredEntity
{
    public DateTimeOffset PrimeraSesion { get; set; }
}

/// <summary>
/// When each entitlement (a router's base user) first connected through Hotspot: <c>primera_sesion</c>. Kept in a
/// table, not in the user's comment on the router, so that the sweeper is the only writer of that comment. Once
/// recorded it never changes, so each instance remembers it and reads the table for it only once; a time not yet
/// recorded is never remembered. What is remembered is tied to the base user's item id on the router (ids are never
/// reused), so a user removed and created again under the same name is looked up afresh.
/// </summary>
public sealed class FirstSessionStore(TableStore store)
{
    public const string Table = "FirstSessions";
    private readonly TableRepository<FirstSessionEntity> _rows = store.Repository<FirstSessionEntity>(Table);
    private readonly ConcurrentDictionary<(long RouterId, string BaseName), Recorded> _recorded = new();

    internal sealed record Recorded(string BaseUserId, DateTimeOffset At);

    /// <summary>Starts the lookup: from memory when this instance knows it, otherwise from the table, in parallel with the caller's work.</summary>
    public Lookup Begin(long routerId, string baseName, CancellationToken cancellationToken)
    {
        var known = _recorded.GetValueOrDefault((routerId, baseName));
        return new Lookup(this, routerId, baseName, known, known is null ? GetAsync(routerId, baseName, cancellationToken) : null);
    }

    public async Task<DateTimeOffset?> GetAsync(long routerId, string baseName, CancellationToken cancellationToken) =>
        (await _rows.GetAsync(StoredEntity.Key(routerId), FamilyRowKey.Of(baseName), cancellationToken))?.PrimeraSesion;

    /// <summary>Records the first session unless one is recorded already; returns the one that counts.</summary>
    public async Task<DateTimeOffset> RecordAsync(long routerId, string baseName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await _rows.AddAsync(new FirstSessionEntity { PartitionKey = StoredEntity.Key(routerId), RowKey = FamilyRowKey.Of(baseName), PrimeraSesion = at }, cancellationToken);
            return at;
        }
        catch (EntityAlreadyExistsException)
        {
            return await GetAsync(routerId, baseName, cancellationToken) ?? at;
        }
    }

    /// <summary>Forgets the entitlements the sweeper removed from the router.</summary>
    public Task<bool> ForgetAsync(long routerId, string baseName, CancellationToken cancellationToken)
    {
        _recorded.TryRemove((routerId, baseName), out _);
        return _rows.DeleteAsync(StoredEntity.Key(routerId), FamilyRowKey.Of(baseName), Azure.ETag.All, cancellationToken);
    }

    /// <summary>One reconnect's lookup of <c>primera_sesion</c>, begun before the router is read.</summary>
    public sealed class Lookup
    {
        private readonly FirstSessionStore _store;
        private readonly long _routerId;
        private readonly string _baseName;
        private readonly Recorded? _known;
        private readonly Task<DateTimeOffset?>? _stored;

        internal Lookup(FirstSessionStore store, long routerId, string baseName, Recorded? known, Task<DateTimeOffset?>? stored) =>
            (_store, _routerId, _baseName, _known, _stored) = (store, routerId, baseName, known, stored);

        /// <summary>The first session of the base user with item id <paramref name="baseUserId"/>; <paramref name="now"/> is recorded if there is none yet.</summary>
        public async Task<DateTimeOffset> ResolveAsync(string baseUserId, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var at = _known is not null && _known.BaseUserId == baseUserId
                ? _known.At
                : await (_stored ?? _store.GetAsync(_routerId, _baseName, cancellationToken))
                  ?? await _store.RecordAsync(_routerId, _baseName, now, cancellationToken);
            _store._recorded[(_routerId, _baseName)] = new Recorded(baseUserId, at);
            return at;
        }
    }
}
