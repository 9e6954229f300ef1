using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy;

/// <summary>
/// Hands out increasing integer ids per kind; concurrent callers never get the same id (ETag-checked increments, a lost
/// race retried by <see cref="ContentionRetry"/>).
/// </summary>
public sealed class IdAllocator(TableStore store)
{
    private readonly TableRepository<CounterEntity> _counters = store.Repository<CounterEntity>(TableNames.Counters);

    public Task<long> NextAsync(string kind, CancellationToken cancellationToken) =>
        ContentionRetry.RunAsync(
            async () =>
            {
                var counter = await _counters.GetAsync(CounterEntity.Partition, kind, cancellationToken);
                if (counter is null)
                {
                    await _counters.AddAsync(new CounterEntity { PartitionKey = CounterEntity.Partition, RowKey = kind, Value = 1 }, cancellationToken);
                    return 1L;
                }

                counter.Value++;
                await _counters.UpdateAsync(counter, cancellationToken);
                return counter.Value;
            },
            e => e is EntityAlreadyExistsException or ConcurrencyConflictException,
            $"the id counter for {kind}",
            cancellationToken);
}
