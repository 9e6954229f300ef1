using System.Globalization;
using Hotspot.Drivers;
using Hotspot.Secrets;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Unifi;

/// <summary>UniFi routers as stored: base URL, default site, optional certificate pin, API key in the secret store.</summary>
internal sealed class UnifiRouterDriver(UnifiControllerFactory factory, ISecretStore secrets) : IRouterDriver
{
    public string Kind => RouterKinds.Unifi;

    public IGuestAccessController Create(RouterEntity router)
    {
        ArgumentNullException.ThrowIfNull(router);
        if (!Uri.TryCreate(router.BaseUrl, UriKind.Absolute, out var baseUrl))
        {
            throw new ControllerException(ControllerError.InvalidArgument, $"UniFi router {router.Id} has no valid base URL.", "base_url");
        }

        return factory.Create(new UnifiRouterConnection(
            router.Id.ToString(CultureInfo.InvariantCulture),
            baseUrl,
            cancellationToken => RouterStore.ReadSecretAsync(secrets, router, cancellationToken),
            router.CertificadoSha256,
            DefaultSite: string.IsNullOrWhiteSpace(router.Site) ? "default" : router.Site));
    }
}
