namespace Hotspot.Storage;

/// <summary>An insert found the key taken: two writers raced for the same item, or it already existed.</summary>
public sealed class EntityAlreadyExistsException(string table, string partitionKey, string rowKey, Exception inner)
    : Exception($"Table {table} already holds {partitionKey}/{rowKey}.", inner);

/// <summary>An update or delete lost a race: the item changed since it was read (its ETag no longer matches) or is gone.</summary>
public sealed class ConcurrencyConflictException(string table, string partitionKey, string rowKey, Exception inner)
    : Exception($"Table {table}: {partitionKey}/{rowKey} changed since it was read.", inner);

/// <summary>
/// Too many writers raced for the same item and this one kept losing within its budget. Nothing was written; the same
/// request may succeed in a moment (the route pipeline answers 503 with <c>Retry-After</c>).
/// </summary>
public sealed class StoreContendedException(string what) : Exception($"Too much contention on {what}; nothing was written.");
