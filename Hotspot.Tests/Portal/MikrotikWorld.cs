using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.RouterOs;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.Portal;

/// <summary>A DevHost with one company whose MikroTik router is the RouterOS simulator over TCP, and an API key for it.</summary>
internal sealed class MikrotikWorld(RunningRouter router, KeyedRouter keyed) : IAsyncDisposable
{
    public RunningRouter Router { get; } = router;

    public TenancyHost Host => keyed.Host;

    public string RootToken => keyed.RootToken;

    public long RouterId => keyed.RouterId;

    public string ApiKey => keyed.ApiKey;

    public string RouterPath => keyed.RouterPath;

    public static async Task<MikrotikWorld> StartAsync(AzuriteFixture azurite)
    {
        var router = RunningRouter.Start();
        var host = await TenancyHost.StartAsync(azurite);
        return new MikrotikWorld(router, await KeyedRouter.CreateAsync(host, new
        {
            nombre = "Lobby", tipo = "mikrotik", host = "127.0.0.1", puerto = router.Simulator.ApiPort, usuario = "admin", password = RunningRouter.Password,
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Router.DisposeAsync();
    }
}
