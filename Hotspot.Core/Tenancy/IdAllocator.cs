using System.Diagnostics;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy;

/// <summary>
/// Hands out increasing integer ids per kind; concurrent callers never get the same id (ETag-checked increments).
/// A caller that loses a race waits a short random while before reading again, so a burst of creates spreads out
/// instead of colliding in lockstep; one that keeps losing for <see cref="Budget"/> gets <see cref="StoreContendedException"/>.
/// </summary>
public sealed class IdAllocator(TableStore store)
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);
    private const int MaxBackoffMilliseconds = 200;
    private readonly TableRepository<CounterEntity> _counters = store.Repository<CounterEntity>(TableNames.Counters);

    public async Task<long> NextAsync(string kind, CancellationToken cancellationToken)
    {
        // Real elapsed time, not the product's clock: this bounds how long a request waits, whatever the clock says.
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; Stopwatch.GetElapsedTime(started) < Budget; attempt++)
        {
            var counter = await _counters.GetAsync(CounterEntity.Partition, kind, cancellationToken);
            try
            {
                if (counter is null)
                {
                    await _counters.AddAsync(new CounterEntity { PartitionKey = CounterEntity.Partition, RowKey = kind, Value = 1 }, cancellationToken);
                    return 1;
                }

                counter.Value++;
                await _counters.UpdateAsync(counter, cancellationToken);
                return counter.Value;
            }
            catch (Exception e) when (e is EntityAlreadyExistsException or ConcurrencyConflictException)
            {
                // Another writer took this number: wait a random while (growing with each loss) and read again.
                var ceiling = Math.Min(MaxBackoffMilliseconds, 5 * attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, ceiling + 1)), cancellationToken);
            }
        }

        throw new StoreContendedException($"the id counter for {kind}");
    }
}
