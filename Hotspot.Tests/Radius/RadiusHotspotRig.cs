using System.Net;
using Hotspot.Simulators.RouterOs.Radius;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.RouterOs.Gateway;

namespace Hotspot.Tests.Radius;

/// <summary>
/// A RADIUS router end to end: the RouterOS simulator's hotspot gateway as the RADIUS client (its identity the
/// router's NAS-Identifier, its API port closed), through a relay that can lose packets, to FreeRADIUS and the DevHost.
/// </summary>
internal sealed class RadiusHotspotRig : IAsyncDisposable
{
    public const string Phone = "1C:71:25:63:E4:24";
    public const string PhoneIp = "10.5.50.7";

    private RadiusHotspotRig(RadiusRig server, UdpRelay authRelay, UdpRelay acctRelay, RunningGateway gateway)
    {
        Server = server;
        AuthRelay = authRelay;
        AcctRelay = acctRelay;
        Gateway = gateway;
    }

    public RadiusRig Server { get; }

    public UdpRelay AuthRelay { get; }

    public UdpRelay AcctRelay { get; }

    public RunningGateway Gateway { get; }

    public HotspotRadiusClient Radius => Gateway.Router.Simulator.Radius!;

    public static async Task<RadiusHotspotRig> StartAsync(AzuriteFixture azurite, string version = "7.16.1 (stable)", TimeSpan? timeout = null)
    {
        var server = await RadiusRig.StartAsync(azurite);
        var authRelay = new UdpRelay(server.Radius.AuthPort);
        var acctRelay = new UdpRelay(server.Radius.AcctPort);
        var gateway = await RunningGateway.StartAsync(configure: options => options with
        {
            Version = version,
            Identity = server.NasIdentifier,
            Radius = new RadiusClientSettings
            {
                Address = IPAddress.Loopback,
                AuthenticationPort = authRelay.Port,
                AccountingPort = acctRelay.Port,
                Secret = RadiusRig.UdpSecret,
                Timeout = timeout ?? TimeSpan.FromSeconds(3),
            },
        });
        // Behind NAT: nothing can open the router's API.
        gateway.Router.Simulator.RefuseConnections(true);
        return new RadiusHotspotRig(server, authRelay, acctRelay, gateway);
    }

    public Task<string> LoginPageAsync(string mac = Phone, string ip = PhoneIp) => Gateway.PageAsync(HttpMethod.Get, "/login", mac, ip);

    public Task<string> LoginAsync(string usuario, string password, string mac = Phone, string ip = PhoneIp) =>
        Gateway.PageAsync(HttpMethod.Post, "/login", mac, ip, RunningGateway.Form(usuario, password, ""));

    public async Task<(long Seconds, long Bytes)> ServerUsageAsync(string usuario)
    {
        await Radius.DrainAccountingAsync(CancellationToken.None);
        return await Server.Store.UsageAsync(Server.RouterId, usuario, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await AuthRelay.DisposeAsync();
        await AcctRelay.DisposeAsync();
        await Server.DisposeAsync();
    }
}
