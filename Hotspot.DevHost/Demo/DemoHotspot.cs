using Hotspot.Simulators.RouterOs;
using Hotspot.Simulators.RouterOs.Gateway;

namespace Hotspot.DevHost.Demo;

/// <summary>
/// The demo router's hotspot for a browser: its gateway serving the sample pages in <c>Demo/portal</c> as the device
/// <see cref="BrowserMac"/>, and its control port (to pick another device, move the clock, read the tables).
/// </summary>
public sealed class DemoHotspot : IAsyncDisposable
{
    public const string BrowserMac = "33:44:55:66:77:88";
    public const string BrowserIp = "192.168.88.177";
    public const string GuestUser = "invitado";
    public const string GuestPassword = "1234";

    private DemoHotspot(HotspotGateway gateway, WebApplication control)
    {
        Gateway = gateway;
        Control = control;
    }

    public HotspotGateway Gateway { get; }

    public WebApplication Control { get; }

    public static string PortalDirectory => Path.Combine(AppContext.BaseDirectory, "Demo", "portal");

    public static async Task<DemoHotspot> StartAsync(RouterOsSimulator simulator)
    {
        var gateway = await HotspotGateway.StartAsync(simulator, new HotspotGatewayOptions { PortalDirectory = PortalDirectory });
        gateway.SelectDevice(BrowserMac, BrowserIp);
        return new DemoHotspot(gateway, await RouterOsControlPort.StartAsync(simulator, 0, gateway));
    }

    public async ValueTask DisposeAsync()
    {
        await Control.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}
