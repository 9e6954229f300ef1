using System.Globalization;
using Hotspot.Drivers;
using Hotspot.Secrets;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;
using Hotspot.Unifi.SiteManager;
using Microsoft.Extensions.Options;

namespace Hotspot.Unifi;

/// <summary>
/// UniFi routers as stored: a console at its local base URL (optional certificate pin), or one behind Ubiquiti's Site
/// Manager connector by its console id; a default site; the API key in the secret store.
/// </summary>
internal sealed class UnifiRouterDriver(UnifiControllerFactory factory, ISecretStore secrets, SiteManagerBudget siteManagerBudget,
    IOptions<UnifiDriverOptions> options) : IRouterDriver
{
    public string Kind => RouterKinds.Unifi;

    public IGuestAccessController Create(RouterEntity router)
    {
        ArgumentNullException.ThrowIfNull(router);
        return factory.Create(SiteManagerConnector.IsConnector(router) ? ThroughSiteManager(router) : Local(router));
    }

    private UnifiRouterConnection Local(RouterEntity router)
    {
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

        return new UnifiRouterConnection(Id(router), baseUrl, ApiKey(router), router.CertificadoSha256, DefaultSite: Site(router));
    }

    private UnifiRouterConnection ThroughSiteManager(RouterEntity router)
    {
        if (!SiteManagerConnector.IsValidConsoleId(router.ConsolaId))
        {
            throw new ControllerException(ControllerError.InvalidArgument, $"UniFi router {router.Id} has no valid Site Manager console id.", "consola_id");
        }

        var siteManager = options.Value.SiteManagerUrl;
        if (UnifiPlainHttp.IsPlain(siteManager.AbsoluteUri) && !options.Value.AllowPlainHttp)
        {
            throw new ControllerException(ControllerError.InvalidArgument,
                $"The Site Manager URL {siteManager} is plain http; the API key would travel in clear.", "consola_id");
        }

        return new UnifiRouterConnection(Id(router), SiteManagerConnector.IntegrationRoot(siteManager, router.ConsolaId!), ApiKey(router),
            options.Value.SiteManagerCertificateSha256, DefaultSite: Site(router), SiteManagerBudget: siteManagerBudget);
    }

    private Func<CancellationToken, Task<string?>> ApiKey(RouterEntity router) =>
        cancellationToken => RouterStore.ReadSecretAsync(secrets, router, cancellationToken);

    private static string Id(RouterEntity router) => router.Id.ToString(CultureInfo.InvariantCulture);

    private static string Site(RouterEntity router) => string.IsNullOrWhiteSpace(router.Site) ? "default" : router.Site;
}
