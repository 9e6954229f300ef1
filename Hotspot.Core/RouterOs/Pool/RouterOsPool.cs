using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Hotspot.RouterOs;

/// <summary>
/// Connections to every router this instance talks to, kept across requests (a warm Functions instance reuses them).
/// A router whose address or credentials changed gets a new pool.
/// </summary>
public sealed class RouterOsPool(IOptions<RouterOsPoolOptions> options, TimeProvider time) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, RouterConnections> _routers = new();
    private readonly SemaphoreSlim _replacing = new(1, 1);

    /// <summary>A client for the router; <paramref name="password"/> is asked for only when a connection is opened.</summary>
    public async ValueTask<IRouterOsClient> ForAsync(RouterOsEndpoint endpoint, Func<CancellationToken, ValueTask<string>> password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (_routers.TryGetValue(endpoint.RouterId, out var current) && current.Endpoint == endpoint)
        {
            return new PooledRouterOsClient(current);
        }

        await _replacing.WaitAsync(cancellationToken);
        try
        {
            if (_routers.TryGetValue(endpoint.RouterId, out current) && current.Endpoint == endpoint)
            {
                return new PooledRouterOsClient(current);
            }

            var pool = new RouterConnections(endpoint, password, options.Value, time);
            _routers[endpoint.RouterId] = pool;
            if (current is not null)
            {
                await current.DisposeAsync();
            }

            return new PooledRouterOsClient(pool);
        }
        finally
        {
            _replacing.Release();
        }
    }

    /// <summary>What the router's connections have cost on the wire so far.</summary>
    public RouterOsCounterSnapshot? CountersOf(long routerId) => _routers.TryGetValue(routerId, out var pool) ? pool.Counters.Snapshot() : null;

    /// <summary>Open, usable connections to the router.</summary>
    public int OpenConnections(long routerId) => _routers.TryGetValue(routerId, out var pool) ? pool.OpenConnections : 0;

    public async ValueTask DisposeAsync()
    {
        foreach (var pool in _routers.Values)
        {
            await pool.DisposeAsync();
        }

        _routers.Clear();
        _replacing.Dispose();
    }
}
