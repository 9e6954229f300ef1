namespace Hotspot.RouterOs;

/// <summary>A pooled connection lent to one caller; disposing gives it back (or discards it if it broke).</summary>
public sealed class RouterOsLease : IAsyncDisposable
{
    private readonly Func<RouterOsConnection, ValueTask> _release;
    private int _released;

    internal RouterOsLease(RouterOsConnection connection, bool reused, Func<RouterOsConnection, ValueTask> release)
    {
        Connection = connection;
        Reused = reused;
        _release = release;
    }

    public RouterOsConnection Connection { get; }

    /// <summary>The connection had served before: it may have died while idle.</summary>
    public bool Reused { get; }

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _released, 1) == 0 ? _release(Connection) : ValueTask.CompletedTask;
}
