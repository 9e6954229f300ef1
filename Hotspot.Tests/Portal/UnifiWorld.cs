using System.Net;
using Hotspot.Simulators.Unifi;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;
using Hotspot.Tests.Unifi;

namespace Hotspot.Tests.Portal;

/// <summary>A DevHost with one company whose UniFi router is the UniFi simulator over HTTPS (pinned), and an API key for it.</summary>
internal sealed class UnifiWorld : IAsyncDisposable
{
    private const string ControllerKey = "unifi-key-41ec";

    private UnifiWorld(UnifiSimulator simulator, TenancyHost host, string rootToken, long routerId, string apiKey)
    {
        Simulator = simulator;
        Host = host;
        RootToken = rootToken;
        RouterId = routerId;
        ApiKey = apiKey;
    }

    public UnifiSimulator Simulator { get; }

    public TenancyHost Host { get; }

    public string RootToken { get; }

    public long RouterId { get; }

    public string ApiKey { get; }

    public static async Task<UnifiWorld> StartAsync(AzuriteFixture azurite)
    {
        var simulator = await UnifiSimulator.StartAsync(new UnifiSimulatorOptions { ApiKey = ControllerKey }, default);
        var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Hotel UniFi");
        var routerId = (await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            AdminSession.UnifiRouter(simulator, ControllerKey))).GetProperty("id").GetInt64();
        var (_, apiKey) = await host.IssueApiKeyAsync(root, routerId);
        return new UnifiWorld(simulator, host, root, routerId, apiKey);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
