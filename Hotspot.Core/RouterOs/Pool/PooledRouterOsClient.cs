using System.Runtime.CompilerServices;

namespace Hotspot.RouterOs;

/// <summary>An <see cref="IRouterOsClient"/> for one router that borrows a pooled connection per call.</summary>
internal sealed class PooledRouterOsClient(RouterOsPool pool, RouterOsEndpoint endpoint) : IRouterOsClient
{
    public Task<RouterOsResponse> SendAsync(RouterOsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return pool.RunAsync(endpoint, command.IsReadOnly, (c, ct) => c.SendAsync(command, ct), cancellationToken);
    }

    public Task<IReadOnlyList<RouterOsResponse>> SendAllAsync(IReadOnlyList<RouterOsCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return pool.RunAsync(endpoint, commands.All(c => c.IsReadOnly), (c, ct) => c.SendAllAsync(commands, ct), cancellationToken);
    }

    /// <summary>Holds one connection for the whole print; not repeated on failure, as rows may already have been used.</summary>
    public async IAsyncEnumerable<RouterOsRow> StreamAsync(RouterOsCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var lease = await pool.LeaseAsync(endpoint, cancellationToken);
        await foreach (var row in lease.Connection.StreamAsync(command, cancellationToken))
        {
            yield return row;
        }
    }
}
