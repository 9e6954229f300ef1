using System.Globalization;
using System.Net;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.Portal;

/// <summary>A router created through the admin REST in a new company, with the root session and an API key for it.</summary>
internal sealed record KeyedRouter(TenancyHost Host, string RootToken, long RouterId, string ApiKey)
{
    public string RouterPath => string.Create(CultureInfo.InvariantCulture, $"/api/v1/admin/routers/{RouterId}");

    /// <summary>Creates the router from <paramref name="routerBody"/> (the admin JSON of its kind).</summary>
    public static async Task<KeyedRouter> CreateAsync(TenancyHost host, object routerBody)
    {
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Hotel " + Guid.NewGuid().ToString("N")[..6]);
        var created = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root, routerBody);
        var routerId = created.GetProperty("id").GetInt64();
        var (_, apiKey) = await host.IssueApiKeyAsync(root, routerId);
        return new KeyedRouter(host, root, routerId, apiKey);
    }
}
