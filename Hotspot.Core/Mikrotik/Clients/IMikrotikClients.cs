using Hotspot.RouterOs;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Mikrotik;

/// <summary>A RouterOS client for a stored MikroTik router: its address from the router's row, its password from the secret store.</summary>
public interface IMikrotikClients
{
    ValueTask<IRouterOsClient> ForAsync(RouterEntity router, CancellationToken cancellationToken);
}
