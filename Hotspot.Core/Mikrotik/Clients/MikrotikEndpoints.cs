using Hotspot.RouterOs;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Mikrotik;

/// <summary>How to reach a stored MikroTik router.</summary>
public static class MikrotikEndpoints
{
    public static RouterOsEndpoint For(RouterEntity router)
    {
        if (router.Tipo != RouterKinds.Mikrotik || string.IsNullOrEmpty(router.Host))
        {
            throw new InvalidOperationException($"Router {router.Id} is not a MikroTik router with a host.");
        }

        var port = router.Puerto ?? (router.Tls ? RouterOsEndpoint.ApiSslPort : RouterOsEndpoint.ApiPort);
        return new RouterOsEndpoint(router.Id, router.Host, port, router.Usuario ?? "")
        {
            CredentialRevision = router.SecretoRevision,
            Tls = router.Tls ? new RouterOsTlsOptions { PinnedSha256 = router.CertificadoSha256 } : null,
        };
    }
}
