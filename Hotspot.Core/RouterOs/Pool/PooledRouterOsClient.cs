using System.Runtime.CompilerServices;

namespace Hotspot.RouterOs;

/// <summary>
/// A router, as callers see it through the pool: each command goes out on one of the router's pooled connections. A
/// command that meets a broken connection is retried once on a fresh one only when every command in the batch is
/// safe to repeat (reads); writes fail with the error, naming the router, so that nothing is done twice.
/// </summary>
internal sealed class PooledRouterOsClient(RouterConnections pool) : IRouterOsClient
{
    public RouterOsCounters Counters => pool.Counters;

    public async Task<RouterOsResponse> SendAsync(RouterOsCommand command, CancellationToken cancellationToken) =>
        (await SendAllAsync([command], cancellationToken))[0];

    public async Task<IReadOnlyList<RouterOsResponse>> SendAllAsync(IReadOnlyList<RouterOsCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var repeatable = commands.All(c => c.IsReadOnly);
        for (var attempt = 0; ; attempt++)
        {
            using var lease = await pool.LeaseAsync(fresh: attempt > 0, cancellationToken);
            try
            {
                return await lease.Connection.SendAllAsync(commands, cancellationToken);
            }
            catch (RouterOsConnectionException e) when (repeatable && attempt == 0 && e.Failure is RouterOsFailure.Dropped or RouterOsFailure.Fatal)
            {
                // The connection broke under a read: the pool replaces it and the read goes again.
            }
        }
    }

    public async IAsyncEnumerable<RouterOsRow> StreamAsync(RouterOsCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lease = await pool.LeaseAsync(fresh: false, cancellationToken);
        await foreach (var row in lease.Connection.StreamAsync(command, cancellationToken))
        {
            yield return row;
        }
    }
}
