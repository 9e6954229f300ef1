using System.Globalization;
using System.Net;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.RouterOs;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.Portal;

/// <summary>A DevHost with one company whose MikroTik router is the RouterOS simulator over TCP, and an API key for it.</summary>
internal sealed class MikrotikWorld : IAsyncDisposable
{
    private MikrotikWorld(TenancyHost host, RunningRouter router, string rootToken, long routerId, string apiKey)
    {
        Host = host;
        Router = router;
        RootToken = rootToken;
        RouterId = routerId;
        ApiKey = apiKey;
    }

    public TenancyHost Host { get; }

    public RunningRouter Router { get; }

    public string RootToken { get; }

    public long RouterId { get; }

    public string ApiKey { get; }

    public static async Task<MikrotikWorld> StartAsync(AzuriteFixture azurite)
    {
        var router = RunningRouter.Start();
        var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Hotel " + Guid.NewGuid().ToString("N")[..6]);
        var created = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root, new
        {
            nombre = "Lobby", tipo = "mikrotik", host = "127.0.0.1", puerto = router.Simulator.ApiPort,
            usuario = "admin", password = RunningRouter.Password,
        });
        var routerId = created.GetProperty("id").GetInt64();
        var (_, apiKey) = await host.IssueApiKeyAsync(root, routerId);
        return new MikrotikWorld(host, router, root, routerId, apiKey);
    }

    public string RouterPath => string.Create(CultureInfo.InvariantCulture, $"/api/v1/admin/routers/{RouterId}");

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Router.DisposeAsync();
    }
}
