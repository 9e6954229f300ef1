namespace Hotspot.RouterOs;

/// <summary>What callers use to talk to one router: a connection, or the pool on behalf of a router.</summary>
public interface IRouterOsClient
{
    /// <summary>Sends one command and returns its reply; traps are in the response (see <see cref="RouterOsResponse.EnsureSuccess"/>).</summary>
    Task<RouterOsResponse> SendAsync(RouterOsCommand command, CancellationToken cancellationToken);

    /// <summary>Sends independent commands in one write and awaits them all: one round trip for several lookups.</summary>
    Task<IReadOnlyList<RouterOsResponse>> SendAllAsync(IReadOnlyList<RouterOsCommand> commands, CancellationToken cancellationToken);

    /// <summary>Rows as they arrive, without holding the whole print in memory; a trap ends the sequence with an exception.</summary>
    IAsyncEnumerable<RouterOsRow> StreamAsync(RouterOsCommand command, CancellationToken cancellationToken);
}
