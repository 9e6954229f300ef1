using System.Globalization;
using Hotspot.Auth;
using Hotspot.Drivers;
using Hotspot.Sales.Catalog;
using Hotspot.Simulators.Unifi;
using Hotspot.Tenancy.Admin;
using Hotspot.Tenancy.Entities;

namespace Hotspot.DevHost.Demo;

/// <summary>
/// The demo's UniFi router: a UniFi simulator in this process (HTTPS, its certificate pinned) with a phone on its guest
/// network, a router of the demo company pointing at it, and an hour on sale there, so that the guest page
/// (<c>/guest/s/default/</c>) shows the catalog, free minutes and fichas.
/// </summary>
public sealed class DemoUnifi : IAsyncDisposable
{
    public const string ControllerKey = "demo-unifi-key";
    public const string GuestMac = "1c:71:25:63:e4:24";

    private DemoUnifi(UnifiSimulator simulator, long routerId)
    {
        Simulator = simulator;
        RouterId = routerId;
    }

    public UnifiSimulator Simulator { get; }

    public long RouterId { get; }

    /// <summary>UniFi's redirect of <see cref="GuestMac"/> to the guest page, on the API at <paramref name="baseUrl"/>.</summary>
    public string GuestPageUrl(string baseUrl) => string.Create(CultureInfo.InvariantCulture,
        $"{baseUrl.TrimEnd('/')}/guest/s/default/?ap=94:2a:6f:d0:30:57&id={GuestMac}&t=1742398732&url=http%3A%2F%2Fnetcts.cdn-apple.com%2F&ssid=dph-guest&router={RouterId}");

    public static async Task<DemoUnifi> StartAsync(IServiceProvider services, AdminCaller caller, long empresaId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var simulator = await UnifiSimulator.StartAsync(new UnifiSimulatorOptions { ApiKey = ControllerKey }, cancellationToken);
        try
        {
            simulator.State.Join(MacAddress.Parse(GuestMac), "default");
            var (router, _) = await services.GetRequiredService<RouterAdmin>().CreateAsync(caller, empresaId,
                new RouterRequest("Terraza (UniFi, simulador)", "Terraza", "unifi", true, null, null, null, null, null,
                    simulator.CertificateSha256, simulator.ApiBaseUrl.AbsoluteUri, "default", ControllerKey),
                cancellationToken);
            await services.GetRequiredService<ProductCatalog>().CreateAsync(
                caller, router.Id,
                new ProductoRequest("1 hora", "Internet por una hora en la terraza", null, 15.00m, "MXN", 3600, null, null, null, null, true, 1, true, null),
                cancellationToken);
            return new DemoUnifi(simulator, router.Id);
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
