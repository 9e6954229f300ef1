using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Reconnect;

public sealed class FamilyLeaseEntity : StoredEntity
{
    public string Holder { get; set; } = "";

    /// <summary>Held until then; a released lease has a time in the past.</summary>
    public DateTimeOffset Until { get; set; }
}

/// <summary>
/// One reconnect at a time per entitlement, across every instance of the app: a reconnect that changes the family
/// plans, writes, logs in and checks while it holds the family's lease. The lease is a row of the <c>FamilyLeases</c>
/// table that stays once made: taken by an ETag-checked write (an insert the first time) and released by another that
/// sets its time in the past, so its ETag changes with every holder. Each instance remembers the last ETag it saw per
/// family: a reconnect notes it before it reads the router (<see cref="Seen"/>), and when the lease is then taken with
/// that very ETag nobody held the lease in between, so the unleased reading is still the family's state
/// (<see cref="FamilyLease.Unchanged"/>) and need not be read again.
/// Only another holder makes a reconnect wait, and only another holder seen past <see cref="LongestWait"/> into the
/// reconnect makes it answer "busy": a family with one device never does, however slow storage is. A row our own insert
/// left (its answer lost and the insert retried) is recognised as ours.
/// </summary>
public sealed class FamilyLeases(TableStore store, TimeProvider time)
{
    public const string Table = "FamilyLeases";

    /// <summary>
    /// How long a lease lasts if its holder never releases it (an instance that died): longer than a reconnect's whole
    /// time budget, after which its commands are cancelled.
    /// </summary>
    public static readonly TimeSpan Duration = AutoReconnection.TimeBudget + TimeSpan.FromSeconds(5);

    /// <summary>How long a reconnect waits for other holders before it answers "try again": half of its budget.</summary>
    public static readonly TimeSpan LongestWait = AutoReconnection.TimeBudget / 2;

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(320);
    private readonly TableRepository<FamilyLeaseEntity> _rows = store.Repository<FamilyLeaseEntity>(Table);
    private readonly KeyedGate<(long RouterId, string BaseName)> _local = new();
    private readonly ConcurrentDictionary<(long RouterId, string BaseName), Task<ETag?>> _seen = new();
    private readonly ConcurrentDictionary<long, Task> _releasing = new();
    private long _releases;

    /// <summary>
    /// The lease's ETag as this instance last wrote it, to note before reading the router: a release still under way
    /// counts, since its holder's router work is done, and its ETag is known by the time the lease can be taken here.
    /// </summary>
    public Task<ETag?> Seen(long routerId, string baseName) => _seen.TryGetValue((routerId, baseName), out var etag) ? etag : NoneSeen;

    /// <summary>The family's lease, or null when other reconnects of the family kept it for <see cref="LongestWait"/>.</summary>
    public Task<FamilyLease?> AcquireAsync(long routerId, string baseName, CancellationToken cancellationToken) =>
        AcquireAsync(routerId, baseName, null, Stopwatch.GetTimestamp(), cancellationToken);

    /// <summary>
    /// As <see cref="AcquireAsync(long, string, CancellationToken)"/>; with <paramref name="seenBeforeRead"/> (from
    /// <see cref="Seen"/>) the lease says whether anybody held it since. Waits for others end <see cref="LongestWait"/>
    /// after <paramref name="startedAt"/> (a <see cref="Stopwatch"/> timestamp: when the reconnect began), so that the
    /// time already spent reading the router leaves enough of the budget for the writes and the login.
    /// </summary>
    public async Task<FamilyLease?> AcquireAsync(long routerId, string baseName, Task<ETag?>? seenBeforeRead, long startedAt, CancellationToken cancellationToken)
    {
        var key = (routerId, baseName);
        IDisposable turn;
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wait.CancelAfter(Max(LongestWait - Stopwatch.GetElapsedTime(startedAt), TimeSpan.Zero));
            try
            {
                // Another reconnect of this family on this instance: a real wait, woken when it is done.
                turn = await _local.EnterAsync(key, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }

        var row = new FamilyLeaseEntity { PartitionKey = StoredEntity.Key(routerId), RowKey = FamilyRowKey.Of(baseName), Holder = Guid.NewGuid().ToString("N") };
        try
        {
            // With the ETag seen before the reading, or with an insert (rows stay once made: a first insert means
            // nobody ever held this lease), taking it proves that nobody held it since the reading.
            if (await (seenBeforeRead ?? NoneSeen) is { } seen ? await TryReplaceAsync(row, seen, cancellationToken) : await TryInsertAsync(row, cancellationToken))
            {
                return new FamilyLease(this, key, row, turn, unchanged: true);
            }

            for (var pause = FirstPause; ; pause = Min(pause * 2, LongestPause))
            {
                var current = await _rows.GetAsync(row.PartitionKey, row.RowKey, cancellationToken);
                if (current is null ? await TryInsertAsync(row, cancellationToken)
                    : current.Holder == row.Holder ? Adopt(row, current)
                    : current.Until <= time.GetUtcNow() && await TryReplaceAsync(row, current.ETag, cancellationToken))
                {
                    return new FamilyLease(this, key, row, turn, unchanged: false);
                }

                if (current is not null && current.Holder != row.Holder && current.Until > time.GetUtcNow())
                {
                    // Only a holder that is not us ends the wait with "busy": our own storage time never does.
                    if (Stopwatch.GetElapsedTime(startedAt) >= LongestWait)
                    {
                        turn.Dispose();
                        return null;
                    }

                    // Wall-clock pauses: they wait for another process, whatever the application's clock says.
                    await Task.Delay(pause + TimeSpan.FromMilliseconds(Random.Shared.Next((int)pause.TotalMilliseconds)), cancellationToken);
                }
            }
        }
        catch
        {
            _seen.TryRemove(key, out _);
            turn.Dispose();
            throw;
        }
    }

    private async Task<bool> TryInsertAsync(FamilyLeaseEntity row, CancellationToken cancellationToken)
    {
        row.Until = time.GetUtcNow() + Duration;
        try
        {
            await _rows.AddAsync(row, cancellationToken);
            return true;
        }
        catch (EntityAlreadyExistsException)
        {
            // Someone else's insert, or ours whose answer was lost and retried: the next reading tells which.
            return false;
        }
    }

    private async Task<bool> TryReplaceAsync(FamilyLeaseEntity row, ETag etag, CancellationToken cancellationToken)
    {
        row.Until = time.GetUtcNow() + Duration;
        row.ETag = etag;
        try
        {
            await _rows.UpdateAsync(row, cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    private static bool Adopt(FamilyLeaseEntity row, FamilyLeaseEntity current)
    {
        (row.ETag, row.Until) = (current.ETag, current.Until);
        return true;
    }

    /// <summary>Releases still under way (the answer does not wait for them): for tests that count table requests.</summary>
    internal Task ReleasesAsync() => Task.WhenAll(_releasing.Values);

    /// <summary>Releases in the background, then lets the next reconnect of the family on this instance in.</summary>
    internal void Release((long RouterId, string BaseName) key, FamilyLeaseEntity row, IDisposable turn)
    {
        var id = Interlocked.Increment(ref _releases);
        var written = ReleaseAsync(row);
        _seen[key] = written;
        var release = ReleaseThenLeaveAsync(written, turn);
        _releasing[id] = release;
        release.ContinueWith(_ => _releasing.TryRemove(id, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static async Task ReleaseThenLeaveAsync(Task<ETag?> written, IDisposable turn)
    {
        try
        {
            await written;
        }
        finally
        {
            turn.Dispose();
        }
    }

    /// <summary>The ETag the release wrote, or null when it could not.</summary>
    private async Task<ETag?> ReleaseAsync(FamilyLeaseEntity row)
    {
        // The reconnect's own token may be cancelled by now: the release has a bound of its own.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        row.Until = time.GetUtcNow();
        try
        {
            await _rows.UpdateAsync(row, bound.Token);
            return row.ETag;
        }
        catch (Exception e) when (e is ConcurrencyConflictException or RequestFailedException or OperationCanceledException)
        {
            // Taken over past its duration, or storage did not answer: the device is connected all the same, the
            // lease lapses after its duration, and the next reconnect reads the family again.
            return null;
        }
    }

    private static readonly Task<ETag?> NoneSeen = Task.FromResult<ETag?>(null);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>A held family lease; disposing it releases it, in storage and in this process.</summary>
public sealed class FamilyLease : IAsyncDisposable
{
    private readonly FamilyLeases _leases;
    private readonly (long RouterId, string BaseName) _key;
    private readonly FamilyLeaseEntity _row;
    private readonly IDisposable _turn;

    internal FamilyLease(FamilyLeases leases, (long RouterId, string BaseName) key, FamilyLeaseEntity row, IDisposable turn, bool unchanged) =>
        (_leases, _key, _row, _turn, Unchanged) = (leases, key, row, turn, unchanged);

    /// <summary>Nobody held the lease between the <see cref="FamilyLeases.Seen"/> noted before reading the router and now.</summary>
    public bool Unchanged { get; }

    /// <summary>
    /// Releases the lease without making the answer wait for storage: the next reconnect of the family on this
    /// instance gets in once the release is written; one on another instance sees the lease held until then.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        _leases.Release(_key, _row, _turn);
        return ValueTask.CompletedTask;
    }
}
