namespace Hotspot.RouterOs;

/// <summary>One router's share of the pool: the cap (a semaphore), its idle connections and its counters.</summary>
internal sealed class RouterSlot(int maxConnections) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Stack<(RouterOsConnection Connection, DateTimeOffset Since)> _idle = new();
    private int _open;

    /// <summary>A connection is opened or lent only while holding one of these, so a router never has more than the cap.</summary>
    public SemaphoreSlim Gate { get; } = new(maxConnections, maxConnections);

    public RouterOsCounters Counters { get; } = new();

    public int Open => Volatile.Read(ref _open);

    public void Opened() => Interlocked.Increment(ref _open);

    public void Closed() => Interlocked.Decrement(ref _open);

    public (RouterOsConnection Connection, DateTimeOffset Since)? TakeIdle()
    {
        lock (_gate)
        {
            return _idle.TryPop(out var idle) ? idle : null;
        }
    }

    public void PutIdle(RouterOsConnection connection, DateTimeOffset now)
    {
        lock (_gate)
        {
            _idle.Push((connection, now));
        }
    }

    public List<RouterOsConnection> TakeIdleOlderThan(DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            var all = _idle.ToList();
            _idle.Clear();
            foreach (var keep in all.Where(i => i.Since > cutoff).Reverse())
            {
                _idle.Push(keep);
            }

            return [.. all.Where(i => i.Since <= cutoff).Select(i => i.Connection)];
        }
    }

    public void Dispose() => Gate.Dispose();
}
