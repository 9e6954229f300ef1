using Hotspot.Drivers;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Mikrotik;

/// <summary>MikroTik routers as stored: host, port, API user and TLS settings; the password in the secret store.</summary>
internal sealed class MikrotikRouterDriver(IMikrotikClients clients, TimeProvider time) : IRouterDriver
{
    public string Kind => RouterKinds.Mikrotik;

    public IGuestAccessController Create(RouterEntity router)
    {
        ArgumentNullException.ThrowIfNull(router);
        if (string.IsNullOrEmpty(router.Host))
        {
            throw new ControllerException(ControllerError.InvalidArgument, $"MikroTik router {router.Id} has no host.", "host");
        }

        return new MikrotikController(router, clients, time);
    }
}
