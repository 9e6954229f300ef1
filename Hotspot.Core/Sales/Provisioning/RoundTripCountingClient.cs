using Hotspot.RouterOs;

namespace Hotspot.Sales.Provisioning;

/// <summary>
/// Counts the sequential round trips a provisioning makes through a client: each send (one command or a pipelined
/// batch) is one, since the provisioner awaits every send before the next. Reported in <see cref="ProvisioningResult.RouterRoundTrips"/>.
/// </summary>
internal sealed class RoundTripCountingClient(IRouterOsClient inner) : IRouterOsClient
{
    private int _roundTrips;

    public int RoundTrips => Volatile.Read(ref _roundTrips);

    public Task<RouterOsResponse> SendAsync(RouterOsCommand command, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _roundTrips);
        return inner.SendAsync(command, cancellationToken);
    }

    public Task<IReadOnlyList<RouterOsResponse>> SendAllAsync(IReadOnlyList<RouterOsCommand> commands, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _roundTrips);
        return inner.SendAllAsync(commands, cancellationToken);
    }

    public IAsyncEnumerable<RouterOsRow> StreamAsync(RouterOsCommand command, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _roundTrips);
        return inner.StreamAsync(command, cancellationToken);
    }
}
