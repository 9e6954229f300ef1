using System.Collections.Concurrent;

namespace Hotspot.Storage;

/// <summary>
/// A per-instance read-through cache whose entries live at most <c>lifetime</c>: what one instance changes it
/// invalidates at once; what another instance changes arrives within the lifetime. Cached values are never mutated.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>(TimeProvider time, TimeSpan lifetime) where TKey : notnull where TValue : class
{
    private readonly ConcurrentDictionary<TKey, (TValue? Value, DateTimeOffset LoadedAt)> _entries = new();

    public async ValueTask<TValue?> GetOrLoadAsync(TKey key, Func<TKey, CancellationToken, Task<TValue?>> load, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var entry) && time.GetUtcNow() - entry.LoadedAt < lifetime)
        {
            return entry.Value;
        }

        var loadedAt = time.GetUtcNow();
        var value = await load(key, cancellationToken);
        _entries[key] = (value, loadedAt);
        return value;
    }

    public void Invalidate(TKey key) => _entries.TryRemove(key, out _);

    public void InvalidateWhere(Func<TKey, TValue?, bool> predicate)
    {
        foreach (var (key, entry) in _entries)
        {
            if (predicate(key, entry.Value))
            {
                _entries.TryRemove(key, out _);
            }
        }
    }
}
