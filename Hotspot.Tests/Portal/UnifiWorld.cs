using Hotspot.Simulators.Unifi;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;
using Hotspot.Tests.Unifi;

namespace Hotspot.Tests.Portal;

/// <summary>A DevHost with one company whose UniFi router is the UniFi simulator over HTTPS (pinned), and an API key for it.</summary>
internal sealed class UnifiWorld(UnifiSimulator simulator, KeyedRouter keyed) : IAsyncDisposable
{
    private const string ControllerKey = "unifi-key-41ec";

    public UnifiSimulator Simulator { get; } = simulator;

    public TenancyHost Host => keyed.Host;

    public string RootToken => keyed.RootToken;

    public long RouterId => keyed.RouterId;

    public string ApiKey => keyed.ApiKey;

    public string RouterPath => keyed.RouterPath;

    public static async Task<UnifiWorld> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var simulator = await UnifiSimulator.StartAsync(new UnifiSimulatorOptions { ApiKey = ControllerKey }, default);
        var host = await TenancyHost.StartAsync(azurite, settings);
        return new UnifiWorld(simulator, await KeyedRouter.CreateAsync(host, AdminSession.UnifiRouter(simulator, ControllerKey)));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
