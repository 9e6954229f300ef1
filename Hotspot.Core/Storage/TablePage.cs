namespace Hotspot.Storage;

/// <summary>One page of a query and the token that continues it (null on the last page).</summary>
public sealed record TablePage<T>(IReadOnlyList<T> Items, string? ContinuationToken);
