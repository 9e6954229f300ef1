using System.Text.Json;
using Hotspot.MikrotikPortal;
using Hotspot.Simulators.RouterOs;
using Hotspot.Simulators.RouterOs.Gateway;

namespace Hotspot.DevHost.Demo;

/// <summary>
/// The demo router's hotspot for a browser: its gateway serving the reference portal (<c>portal/mikrotik/</c>, with a
/// config.js filled in as an operator would) as the device <see cref="BrowserMac"/>, and its control port (to pick
/// another device, move the clock, read the tables).
/// </summary>
public sealed class DemoHotspot : IAsyncDisposable
{
    public const string BrowserMac = "33:44:55:66:77:88";
    public const string BrowserIp = "192.168.88.177";
    public const string GuestUser = "invitado";
    public const string GuestPassword = "1234";

    private readonly string _portalDirectory;

    private DemoHotspot(HotspotGateway gateway, WebApplication control, string portalDirectory)
    {
        Gateway = gateway;
        Control = control;
        _portalDirectory = portalDirectory;
    }

    public HotspotGateway Gateway { get; }

    public WebApplication Control { get; }

    /// <summary>The pages as built: portal/mikrotik/ copied next to the DevHost.</summary>
    private static string PortalSource => Path.Combine(AppContext.BaseDirectory, "Demo", "portal");

    /// <summary>Serves a copy of the pages, so that this run's config.js never lands in the build output.</summary>
    public static async Task<DemoHotspot> StartAsync(RouterOsSimulator simulator)
    {
        var portal = Directory.CreateTempSubdirectory("hotspot-demo-portal-").FullName;
        foreach (var file in Directory.EnumerateFiles(PortalSource))
        {
            File.Copy(file, Path.Combine(portal, Path.GetFileName(file)));
        }

        var gateway = await HotspotGateway.StartAsync(simulator, new HotspotGatewayOptions { PortalDirectory = portal });
        gateway.SelectDevice(BrowserMac, BrowserIp);
        return new DemoHotspot(gateway, await RouterOsControlPort.StartAsync(simulator, 0, gateway), portal);
    }

    /// <summary>The router's config.js as the admin API makes it, with the router's API key pasted in.</summary>
    public Task WriteConfigAsync(long routerId, string apiBaseUrl, string apiKey, IReadOnlyList<string> providers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var script = PortalConfigScript.Write(routerId, apiBaseUrl, providers, now)
            .Replace(JsonSerializer.Serialize(PortalConfigScript.KeyPlaceholder), JsonSerializer.Serialize(apiKey), StringComparison.Ordinal);
        return File.WriteAllTextAsync(Path.Combine(_portalDirectory, "config.js"), script, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Control.DisposeAsync();
        await Gateway.DisposeAsync();
        Directory.Delete(_portalDirectory, recursive: true);
    }
}
