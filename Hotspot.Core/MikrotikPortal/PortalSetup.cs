using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Tenancy;
using Hotspot.Sales.Payments;
using Hotspot.Tenancy.Admin;
using Microsoft.Extensions.Options;

namespace Hotspot.MikrotikPortal;

/// <summary>
/// What an operator uploads with the reference MikroTik portal (<c>portal/mikrotik/</c>): the router's
/// <c>config.js</c> and the walled-garden commands. The router is read as the rest of the admin API reads it: another
/// company's router is "not found".
/// </summary>
public sealed class PortalSetup(
    RouterAdmin routers, EmpresaAdmin empresas, Branding.MarcaEfectiva marcas, PaymentCredentialStore payments, IOptions<PaymentProviderOptions> providers,
    IOptions<RadiusSetupOptions> radius, TimeProvider clock)
{
    public async Task<string> ConfigScriptAsync(AdminCaller caller, long? routerId, Uri apiBaseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apiBaseUrl);
        var router = await MikrotikRouterAsync(caller, routerId, cancellationToken);
        var enabled = await payments.EnabledProvidersAsync(router.EmpresaId, cancellationToken);
        var marca = await marcas.ForAsync(await empresas.GetAsync(caller, router.EmpresaId, cancellationToken), router, cancellationToken);
        return PortalConfigScript.Write(router.Id, apiBaseUrl.GetLeftPart(UriPartial.Authority), [.. enabled.Select(PaymentProviderNames.Of)], marca, clock.GetUtcNow());
    }

    public async Task<string> WalledGardenAsync(AdminCaller caller, long? routerId, Uri apiBaseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apiBaseUrl);
        var router = await MikrotikRouterAsync(caller, routerId, cancellationToken);
        var enabled = await payments.EnabledProvidersAsync(router.EmpresaId, cancellationToken);
        var hosts = new[] { apiBaseUrl.Host }
            .Concat(enabled.SelectMany(p => ProviderHosts.For(p, providers.Value)))
            .Where(host => Uri.CheckHostName(host) != UriHostNameType.Unknown)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return WalledGardenScript.Write(router.Id, hosts, clock.GetUtcNow());
    }

    /// <summary>The RouterOS commands for RADIUS mode; a router reached over its API has none (409).</summary>
    public async Task<string> RadiusSetupAsync(AdminCaller caller, long? routerId, CancellationToken cancellationToken)
    {
        var router = await MikrotikRouterAsync(caller, routerId, cancellationToken);
        if (Kinds.RouterKindRegistry.For(router) is not Radius.Kind.MikrotikRadiusKind)
        {
            throw new ConflictException("Este router se conecta por la API de RouterOS: la configuración RADIUS es para routers creados con conexion radius.");
        }

        return RadiusSetupScript.Write(router.Id, radius.Value.ServerIp, clock.GetUtcNow());
    }

    private async Task<Tenancy.Entities.RouterEntity> MikrotikRouterAsync(AdminCaller caller, long? routerId, CancellationToken cancellationToken)
    {
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        var kind = Kinds.RouterKindRegistry.For(router);
        return kind is { PortalDownloadsRefusal: null }
            ? router
            : throw new ConflictException(kind?.PortalDownloadsRefusal ?? "El portal de páginas del router es para routers MikroTik; un router UniFi usa el portal de invitados.");
    }
}
