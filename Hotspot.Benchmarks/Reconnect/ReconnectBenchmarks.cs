using System.Globalization;
using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using Hotspot.DevHost.Storage;
using Hotspot.Mikrotik;
using Hotspot.Reconnect;
using Hotspot.RouterOs;
using Hotspot.Simulators.RouterOs;
using Hotspot.Storage;
using Microsoft.Extensions.Options;

namespace Hotspot.Benchmarks.Reconnect;

/// <summary>
/// Seed 000's hardest common case: a returning customer whose phone comes back with a new MAC that needs a new clone
/// (their first device is still online and is logged out), on a warm connection to a router 20 ms away (simulated
/// latency on every reply). Each invocation uses another paid user. The simulator runs in this process, so the
/// allocation column counts its work too.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 12, invocationCount: 4)]
public class ReconnectBenchmarks
{
    private const int Users = 64;
    private LocalAzurite _azurite = null!;
    private RouterOsSimulator _router = null!;
    private RouterOsConnection _client = null!;
    private ReconnectService _service = null!;
    private int _next;

    [Params(0, 20)]
    public int LatencyMs { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _azurite = await LocalAzurite.StartAsync();
        _router = RouterOsSimulator.Start(new RouterOsSimulatorOptions { Password = "bench" });
        _client = await RouterOsConnection.OpenAsync(new RouterOsEndpoint(1, "127.0.0.1", _router.ApiPort, "admin"), "bench", CancellationToken.None);
        var adds = Enumerable.Range(0, Users).Select(i => new RouterOsCommand(MikrotikMenus.HotspotUsers + "/add")
            .With("name", Name(i)).With("password", "4821").With("mac-address", Mac(i, 0)).With("comment", "MODE=RANDMAC TL=3600 TA=0")).ToList();
        await _client.SendAllAsync(adds, CancellationToken.None);
        var store = new TableStore(new TableServiceClient(_azurite.ConnectionString), Options.Create(new StorageOptions { TablePrefix = "bench" }));
        _service = new ReconnectService(new RouterVersionCache(), new FirstSessionStore(store), new FamilyLeases(store, TimeProvider.System), TimeProvider.System);
        for (var i = 0; i < Users; i++)
        {
            // Every customer connected before, on the device that holds the user's MAC.
            _router.State.AddHost(Mac(i, 0), Ip(i, 0));
            _router.State.AddHost(Mac(i, 1), Ip(i, 1));
            var (first, _) = ReconnectInput.From(new AutoReconnectRequest(Name(i), "4821", null, Mac(i, 0), Ip(i, 0), null));
            await _service.ReconnectAsync(_client, 1, first!, CancellationToken.None);
        }

        _router.Faults.LatencyMs = LatencyMs;
        var before = _client.Counters.Snapshot();
        var response = await ReconnectNextAsync();
        var cost = _client.Counters.Snapshot() - before;
        Console.WriteLine($"// New-clone reconnect: {response.AutoConexion} as {response.DatosSesion?["name"]}; {cost.RoundTrips} round trips, {cost.ConnectionsOpened} connections opened");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _client.DisposeAsync();
        await _router.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Benchmark(Description = "auto-reconnect, new MAC -> new clone, warm connection")]
    public Task<AutoReconnectResponse> NewCloneReconnect() => ReconnectNextAsync();

    private Task<AutoReconnectResponse> ReconnectNextAsync()
    {
        var i = Interlocked.Increment(ref _next) - 1;
        var (input, _) = ReconnectInput.From(new AutoReconnectRequest(Name(i), "4821", Mac(i, 0), Mac(i, 1), Ip(i, 1), null));
        return _service.ReconnectAsync(_client, 1, input!, CancellationToken.None);
    }

    private static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"U{i:D5}");

    private static string Mac(int i, int device) => string.Create(CultureInfo.InvariantCulture, $"02:00:{device:X2}:00:{i / 256:X2}:{i % 256:X2}");

    private static string Ip(int i, int device) => string.Create(CultureInfo.InvariantCulture, $"10.{i / 250}.{device}.{(i % 250) + 2}");
}
