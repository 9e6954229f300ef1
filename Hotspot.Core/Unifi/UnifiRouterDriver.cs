using System.Globalization;
using Hotspot.Drivers;
using Hotspot.Secrets;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;
using Microsoft.Extensions.Options;

namespace Hotspot.Unifi;

/// <summary>UniFi routers as stored: base URL, default site, optional certificate pin, API key in the secret store.</summary>
internal sealed class UnifiRouterDriver(UnifiControllerFactory factory, ISecretStore secrets, IOptions<UnifiDriverOptions> options) : IRouterDriver
{
    public string Kind => RouterKinds.Unifi;

    public IGuestAccessController Create(RouterEntity router)
    {
        ArgumentNullException.ThrowIfNull(router);
        if (!Uri.TryCreate(router.BaseUrl, UriKind.Absolute, out var baseUrl))
        {
            throw new ControllerException(ControllerError.InvalidArgument, $"UniFi router {router.Id} has no valid base URL.", "base_url");
        }

        if (UnifiPlainHttp.IsPlain(router.BaseUrl) && (!options.Value.AllowPlainHttp || router.CertificadoSha256 is not null))
        {
            // Stored before the rule, or the lab setting was turned off since: the key is not sent in clear.
            throw new ControllerException(ControllerError.InvalidArgument,
                $"UniFi router {router.Id}: plain http base URLs are refused (the API key would travel in clear); use https.", "base_url");
        }

        return factory.Create(new UnifiRouterConnection(
            router.Id.ToString(CultureInfo.InvariantCulture),
            baseUrl,
            cancellationToken => RouterStore.ReadSecretAsync(secrets, router, cancellationToken),
            router.CertificadoSha256,
            DefaultSite: string.IsNullOrWhiteSpace(router.Site) ? "default" : router.Site));
    }
}
