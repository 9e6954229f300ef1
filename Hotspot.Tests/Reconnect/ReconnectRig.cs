using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Hotspot.Mikrotik;
using Hotspot.Reconnect;
using Hotspot.RouterOs;
using Hotspot.Storage;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.RouterOs;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hotspot.Tests.Reconnect;

/// <summary>The reconnect service against a simulated router over TCP, with its first-session table in Azurite.</summary>
internal sealed class ReconnectRig : IAsyncDisposable
{
    public const string Base = "AB3C9D";
    public const string Password = "4821";
    public const string StoredMac = "AA:BB:CC:DD:EE:FF";
    public const string NewMac = "11:22:33:44:55:66";
    public const string NewIp = "192.168.88.175";
    private static readonly CancellationToken None = CancellationToken.None;

    private ReconnectRig(RunningRouter router, RouterOsConnection client, ReconnectService service, FakeTimeProvider time, TableStore store, StorageRequestCounter storageRequests)
    {
        StorageRequests = storageRequests;
        Store = store;
        Router = router;
        Client = client;
        Service = service;
        Time = time;
    }

    public RunningRouter Router { get; }

    /// <summary>The tables the service uses (in Azurite), for a second instance of what shares them.</summary>
    public TableStore Store { get; }

    public RouterOsConnection Client { get; }

    public FamilyLeases Leases { get; private init; } = null!;

    /// <summary>Every request the service's table client sent.</summary>
    public StorageRequestCounter StorageRequests { get; }

    public ReconnectService Service { get; }

    public FakeTimeProvider Time { get; }

    /// <param name="storageFault">A policy on the table client's every try, to make storage misbehave.</param>
    public static async Task<ReconnectRig> StartAsync(AzuriteFixture azurite, string version = "7.14.3 (stable)", HttpPipelinePolicy? storageFault = null)
    {
        var router = RunningRouter.Start(version);
        var client = await router.ConnectAsync();
        var options = Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = AzuriteFixture.NewTablePrefix() });
        var counter = new StorageRequestCounter();
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        if (storageFault is not null)
        {
            clientOptions.AddPolicy(storageFault, HttpPipelinePosition.PerRetry);
        }

        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var store = new TableStore(new TableServiceClient(azurite.ConnectionString, clientOptions), options);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var leases = new FamilyLeases(store, time);
        var service = new ReconnectService(new RouterVersionCache(), new FirstSessionStore(store), leases, time);
        await client.AddHotspotUserProfileAsync(new NewHotspotUserProfile("5Mbps-1hora") { RateLimit = "5M/5M" }, None);
        return new ReconnectRig(router, client, service, time, store, counter) { Leases = leases };
    }

    /// <summary>The seed's paid user: 1 hour bought, 30 minutes used by devices that are gone.</summary>
    public Task<string> AddRandmacBaseAsync(string? mac = StoredMac, string comment = "MODE=RANDMAC TL=3600 TA=1800", string password = Password, string name = Base) =>
        Client.AddHotspotUserAsync(new NewHotspotUser(name, password) { Profile = "5Mbps-1hora", MacAddress = mac, Comment = comment }, None);

    /// <summary>A device joins the hotspot network.</summary>
    public void Join(string mac, string ip) => Router.State.AddHost(mac, ip);

    /// <summary>A device leaves: its session ends and its time goes into its user's uptime.</summary>
    public void Leave(string mac) => Router.State.RemoveHost(mac);

    public void Advance(TimeSpan by)
    {
        Router.Simulator.Clock.Advance(by);
        Time.Advance(by);
    }

    public Task<AutoReconnectResponse> ReconnectAsync(
        string mac, string? ip, string username = Base, string password = Password, IRouterOsClient? client = null, CancellationToken cancellationToken = default)
    {
        var (input, error) = ReconnectInput.From(new AutoReconnectRequest(username, password, StoredMac, mac, ip, "WiFi-Cafe"));
        Assert.Null(error);
        return Service.ReconnectAsync(client ?? Client, 1, input!, cancellationToken);
    }

    public async Task<IReadOnlyList<HotspotUser>> UsersAsync() => await Client.GetHotspotUsersAsync(null, None);

    public async Task<IReadOnlyList<HotspotActiveSession>> SessionsAsync() => await Client.GetHotspotActiveAsync(null, None);

    public async Task<IReadOnlyList<HotspotCookie>> CookiesAsync() => await Client.GetHotspotCookiesAsync(null, None);

    public ValueTask DisposeAsync() => Router.DisposeAsync();
}
