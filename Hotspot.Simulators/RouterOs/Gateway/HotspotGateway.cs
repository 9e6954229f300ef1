using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hotspot.Simulators.RouterOs.Gateway;

/// <summary>
/// The simulated router's hotspot as a browser meets it: an HTTP port serving the portal directory's pages with
/// MikroTik's variables, logging devices in and out in the same tables the API reads. The device a request comes from
/// is named by the <c>X-Hotspot-Mac</c> header (with <c>X-Hotspot-Ip</c> when it is new to the network), else it is the
/// default device chosen on the control port; a device the hotspot has not seen joins its host table.
/// </summary>
public sealed class HotspotGateway : IAsyncDisposable
{
    public const string MacHeader = "X-Hotspot-Mac";
    public const string IpHeader = "X-Hotspot-Ip";

    private readonly RouterOsSimulator _simulator;
    private readonly WebApplication _app;
    private GatewayDevice? _defaultDevice;

    private HotspotGateway(RouterOsSimulator simulator, WebApplication app)
    {
        _simulator = simulator;
        _app = app;
    }

    /// <summary>The gateway's address, such as <c>http://127.0.0.1:8731</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The device that requests without an <c>X-Hotspot-Mac</c> header come from, if one was chosen.</summary>
    public GatewayDevice? DefaultDevice => Volatile.Read(ref _defaultDevice);

    public static async Task<HotspotGateway> StartAsync(RouterOsSimulator simulator, HotspotGatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(options);
        if (!Directory.Exists(options.PortalDirectory))
        {
            throw new DirectoryNotFoundException($"The portal directory {options.PortalDirectory} does not exist.");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{Host(options.Address)}:{options.Port}");
        var app = builder.Build();
        var gateway = new HotspotGateway(simulator, app);
        var pages = new GatewayPages(simulator, options, new PortalDirectory(options.PortalDirectory), new ChapChallenges());
        app.Run(async context =>
        {
            var result = gateway.DeviceOf(context.Request, out var device) is { } problem
                ? Results.Text(problem, "text/plain", statusCode: StatusCodes.Status400BadRequest)
                : await pages.HandleAsync(context.Request, device!, context.RequestAborted);
            context.Response.Headers.CacheControl = "no-cache";
            await result.ExecuteAsync(context);
        });
        await app.StartAsync();
        gateway.Url = new Uri(app.Urls.Single());
        return gateway;
    }

    /// <summary>Chooses the device header-less requests come from; it joins the hotspot network if it is not on it.</summary>
    public GatewayDevice SelectDevice(string macAddress, string address)
    {
        var device = Join(macAddress, address);
        Volatile.Write(ref _defaultDevice, device);
        return device;
    }

    public void ClearDefaultDevice() => Volatile.Write(ref _defaultDevice, null);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private string? DeviceOf(HttpRequest request, out GatewayDevice? device)
    {
        device = null;
        var mac = request.Headers[MacHeader].FirstOrDefault();
        var ip = request.Headers[IpHeader].FirstOrDefault();
        if (mac is null)
        {
            if (DefaultDevice is not { } chosen)
            {
                return $"Which device is asking? Send {MacHeader} (and {IpHeader} for a device new to the network), or choose one with PUT /gateway/device on the control port.";
            }

            (mac, ip) = (chosen.MacAddress, chosen.Address);
        }

        if (WrittenValues.Mac(mac) is not { } canonical)
        {
            return $"{MacHeader} is not a MAC address.";
        }

        if (_simulator.State.HostOf(canonical) is { } host)
        {
            device = new GatewayDevice(host.Mac, host.Address);
            return null;
        }

        if (ip is null || !System.Net.IPAddress.TryParse(ip, out _))
        {
            return $"{canonical} is not on the hotspot network: send {IpHeader} with its address, or POST /hosts on the control port.";
        }

        device = Join(canonical, ip);
        return null;
    }

    private GatewayDevice Join(string macAddress, string address)
    {
        var mac = WrittenValues.Mac(macAddress) ?? throw new ArgumentException(WrittenValues.InvalidMac, nameof(macAddress));
        if (_simulator.State.HostOf(mac) is not { } host || host.Address != address)
        {
            _simulator.State.AddHost(mac, address);
        }

        return new GatewayDevice(mac, address);
    }

    private static string Host(System.Net.IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
