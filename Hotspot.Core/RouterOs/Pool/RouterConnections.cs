namespace Hotspot.RouterOs;

/// <summary>
/// The connections of one router: reused across requests, at most <see cref="RouterOsPoolOptions.MaxConnectionsPerRouter"/>,
/// the least busy chosen, a broken one replaced, an idle one closed.
/// </summary>
internal sealed class RouterConnections(RouterOsEndpoint endpoint, Func<CancellationToken, ValueTask<string>> password, RouterOsPoolOptions options, TimeProvider time) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<Member> _members = [];
    private bool _disposed;

    public RouterOsEndpoint Endpoint => endpoint;

    public RouterOsCounters Counters { get; } = new();

    public int OpenConnections
    {
        get
        {
            lock (_members)
            {
                return _members.Count(m => m.Connection.IsUsable);
            }
        }
    }

    /// <summary>A usable connection with a command slot taken; release it by disposing the lease.</summary>
    public async Task<Lease> LeaseAsync(bool fresh, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await EvictAsync();
            Member? best;
            lock (_members)
            {
                best = _members.OrderBy(m => m.InFlight).FirstOrDefault();
            }

            var underCap = _members.Count < options.MaxConnectionsPerRouter;
            var chosen = best;
            if (best is null || (underCap && (fresh || best.InFlight >= options.BusyThreshold)))
            {
                var connection = await RouterOsConnection.OpenAsync(endpoint, await password(cancellationToken), cancellationToken, Counters);
                chosen = new Member(connection);
                lock (_members)
                {
                    _members.Add(chosen);
                }
            }

            Interlocked.Increment(ref chosen!.InFlightCount);
            chosen.LastUsed = time.GetUtcNow();
            return new Lease(this, chosen);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            foreach (var member in _members)
            {
                await member.Connection.DisposeAsync();
            }

            _members.Clear();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes broken connections, and idle ones beyond the first.</summary>
    private async Task EvictAsync()
    {
        var now = time.GetUtcNow();
        List<Member> gone;
        lock (_members)
        {
            gone = _members.Where(m => !m.Connection.IsUsable || (m.InFlight == 0 && now - m.LastUsed >= options.IdleTimeout)).ToList();
            _members.RemoveAll(gone.Contains);
        }

        foreach (var member in gone)
        {
            await member.Connection.DisposeAsync();
        }
    }

    private void Release(Member member)
    {
        Interlocked.Decrement(ref member.InFlightCount);
        member.LastUsed = time.GetUtcNow();
    }

    internal sealed class Member(RouterOsConnection connection)
    {
        public int InFlightCount;

        public RouterOsConnection Connection { get; } = connection;

        public int InFlight => Volatile.Read(ref InFlightCount);

        public DateTimeOffset LastUsed { get; set; }
    }

    internal readonly struct Lease(RouterConnections pool, Member member) : IDisposable
    {
        public RouterOsConnection Connection => member.Connection;

        public void Dispose() => pool.Release(member);
    }
}
