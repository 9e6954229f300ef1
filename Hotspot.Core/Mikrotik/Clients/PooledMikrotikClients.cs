using Hotspot.RouterOs;
using Hotspot.Secrets;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Mikrotik;

/// <summary>Stored MikroTik routers through the RouterOS pool: the password is read from the secret store when a connection opens.</summary>
public sealed class PooledMikrotikClients(RouterOsPool pool, ISecretStore secrets) : IMikrotikClients
{
    public ValueTask<IRouterOsClient> ForAsync(RouterEntity router, CancellationToken cancellationToken)
    {
        var endpoint = MikrotikEndpoints.For(router);
        return pool.ForAsync(endpoint, async ct =>
            await RouterStore.ReadSecretAsync(secrets, router, ct)
            ?? throw new RouterOsConnectionException(RouterOsFailure.Login, $"{endpoint.Name}: no password is stored for this router."),
            cancellationToken);
    }
}
