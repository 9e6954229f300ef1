using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Reconnect;

public sealed class FamilyLeaseEntity : StoredEntity
{
    public string Holder { get; set; } = "";

    public DateTimeOffset Until { get; set; }
}

/// <summary>
/// One reconnect at a time per entitlement, across every instance of the app: a reconnect reads the family, writes the
/// limits, logs the device in and checks it while it holds the family's lease, so no reconnect plans from a reading
/// another one is about to change. The lease is a row of the <c>FamilyLeases</c> table, taken by inserting it (or,
/// once its holder is past <see cref="Duration"/>, by an ETag-checked replace) and deleted when the reconnect ends.
/// Reconnects of the same family on one instance wait their turn in memory, woken when the previous one is done;
/// a lease held by another instance is tried again after short pauses, since storage cannot say when it is freed.
/// </summary>
public sealed class FamilyLeases(TableStore store, TimeProvider time)
{
    public const string Table = "FamilyLeases";

    /// <summary>
    /// How long a lease lasts if its holder never releases it (an instance that died): longer than a reconnect's whole
    /// time budget, after which its commands are cancelled.
    /// </summary>
    public static readonly TimeSpan Duration = AutoReconnection.TimeBudget + TimeSpan.FromSeconds(5);

    /// <summary>How long a reconnect waits for its turn before it answers "try again": half of its budget.</summary>
    public static readonly TimeSpan LongestWait = AutoReconnection.TimeBudget / 2;

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(320);
    private readonly TableRepository<FamilyLeaseEntity> _rows = store.Repository<FamilyLeaseEntity>(Table);
    private readonly KeyedGate<(long RouterId, string BaseName)> _local = new();

    /// <summary>The family's lease, or null when other reconnects of the family kept it for <see cref="LongestWait"/>.</summary>
    public async Task<FamilyLease?> AcquireAsync(long routerId, string baseName, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(LongestWait);
        IDisposable? turn = null;
        try
        {
            turn = await _local.EnterAsync((routerId, baseName), wait.Token);
            var row = new FamilyLeaseEntity { PartitionKey = StoredEntity.Key(routerId), RowKey = FamilyRowKey.Of(baseName), Holder = Guid.NewGuid().ToString("N") };
            for (var pause = FirstPause; ; pause = Min(pause * 2, LongestPause))
            {
                if (await TryTakeAsync(row, wait.Token))
                {
                    return new FamilyLease(this, row, turn);
                }

                // Wall-clock pauses: they wait for another process, whatever the application's clock says.
                await Task.Delay(pause + TimeSpan.FromMilliseconds(Random.Shared.Next((int)pause.TotalMilliseconds)), wait.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            turn?.Dispose();
            return null;
        }
        catch
        {
            turn?.Dispose();
            throw;
        }
    }

    private async Task<bool> TryTakeAsync(FamilyLeaseEntity row, CancellationToken cancellationToken)
    {
        row.Until = time.GetUtcNow() + Duration;
        try
        {
            await _rows.AddAsync(row, cancellationToken);
            return true;
        }
        catch (EntityAlreadyExistsException)
        {
        }

        var current = await _rows.GetAsync(row.PartitionKey, row.RowKey, cancellationToken);
        if (current is null || current.Until > time.GetUtcNow())
        {
            // Held, or released in between: either way, try again after a pause.
            return false;
        }

        // Its holder is gone: take it over, unless another reconnect does first.
        row.ETag = current.ETag;
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

    internal async Task ReleaseAsync(FamilyLeaseEntity row)
    {
        // The reconnect's own token may be cancelled by now: the release has a bound of its own.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _rows.DeleteAsync(row.PartitionKey, row.RowKey, row.ETag, bound.Token);
        }
        catch (ConcurrencyConflictException)
        {
            // Held past its duration and taken over: the row is someone else's now.
        }
        catch (Exception e) when (e is Azure.RequestFailedException or OperationCanceledException)
        {
            // Storage did not answer: the device is connected all the same, and the lease lapses after its duration.
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// <summary>A held family lease; disposing it releases it, in storage and in this process.</summary>
public sealed class FamilyLease : IAsyncDisposable
{
    private readonly FamilyLeases _leases;
    private readonly FamilyLeaseEntity _row;
    private readonly IDisposable _turn;

    internal FamilyLease(FamilyLeases leases, FamilyLeaseEntity row, IDisposable turn) => (_leases, _row, _turn) = (leases, row, turn);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _leases.ReleaseAsync(_row);
        }
        finally
        {
            _turn.Dispose();
        }
    }
}
