using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy;

/// <summary>Hands out increasing integer ids per kind; concurrent callers never get the same id (ETag-checked increments).</summary>
public sealed class IdAllocator(TableStore store)
{
    private const int MaxAttempts = 50;
    private readonly TableRepository<CounterEntity> _counters = store.Repository<CounterEntity>(TableNames.Counters);

    public async Task<long> NextAsync(string kind, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
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
                // Another writer took this number; read again.
            }
        }

        throw new InvalidOperationException($"Could not allocate an id for {kind}: too much contention.");
    }
}
