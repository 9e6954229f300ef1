using System.Collections.Concurrent;
using Hotspot.RouterOs;
using Hotspot.Secrets;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Routers;

/// <summary>
/// One logged-in connection per router, shared by every request of this instance (it carries many tagged commands at
/// once), opened on first use, replaced when it breaks or the router's settings change, closed at shutdown.
/// </summary>
public sealed class SharedMikrotikConnections(ISecretStore secrets) : IMikrotikClients, IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, Slot> _slots = new();

    public async ValueTask<IRouterOsClient> ForAsync(RouterEntity router, CancellationToken cancellationToken)
    {
        var endpoint = MikrotikEndpoints.For(router);
        var slot = _slots.GetOrAdd(router.Id, _ => new Slot());
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            // A router saved after this connection was opened may carry a new password: log in again.
            if (slot.Connection is { IsUsable: true } open && open.Endpoint == endpoint && !(router.Timestamp > slot.RouterSavedAt))
            {
                return open;
            }

            if (slot.Connection is { } stale)
            {
                await stale.DisposeAsync();
                slot.Connection = null;
            }

            var password = await secrets.GetAsync(SecretNames.RouterPassword(router.Id), cancellationToken)
                ?? throw new RouterOsConnectionException(RouterOsFailure.Login, $"{endpoint.Name}: no password is stored for this router.");
            slot.Connection = await RouterOsConnection.OpenAsync(endpoint, password, cancellationToken);
            slot.RouterSavedAt = router.Timestamp;
            return slot.Connection;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var slot in _slots.Values)
        {
            if (slot.Connection is { } connection)
            {
                await connection.DisposeAsync();
            }

            slot.Gate.Dispose();
        }
    }

    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public RouterOsConnection? Connection { get; set; }

        public DateTimeOffset? RouterSavedAt { get; set; }
    }
}
