using System.Globalization;
using BenchmarkDotNet.Attributes;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Simulators.RouterOs;

namespace Hotspot.Benchmarks.RouterOs;

/// <summary>
/// Tags and pipelining on one connection to a router 20 ms away: 1,000 hotspot user adds in one write (one at a time
/// they would take at least 20 s), and four independent lookups for the price of one round trip.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class PipeliningBenchmarks
{
    private RouterOsSimulator _router = null!;
    private RouterOsConnection _client = null!;
    private int _batch;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _router = RouterOsSimulator.Start(new RouterOsSimulatorOptions { Password = "bench", LatencyMs = 20 });
        _client = await RouterOsConnection.OpenAsync(new RouterOsEndpoint(1, "127.0.0.1", _router.ApiPort, "admin"), "bench", CancellationToken.None);
        var before = _client.Counters.Snapshot();
        await FourLookups();
        Console.WriteLine($"// Four independent lookups: {(_client.Counters.Snapshot() - before).RoundTrips} round trip(s)");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _client.DisposeAsync();
        await _router.DisposeAsync();
    }

    [Benchmark(Description = "1,000 /ip/hotspot/user/add pipelined, 20 ms latency")]
    public async Task<int> ThousandAdds()
    {
        var batch = Interlocked.Increment(ref _batch);
        var adds = Enumerable.Range(0, 1000)
            .Select(i => new RouterOsCommand(MikrotikMenus.HotspotUsers + "/add")
                .With("name", string.Create(CultureInfo.InvariantCulture, $"b{batch}-u{i}")).With("password", "1234"))
            .ToList();
        var replies = await _client.SendAllAsync(adds, CancellationToken.None);
        return replies.Count(r => r.Succeeded);
    }

    [Benchmark(Description = "4 independent lookups sent together, 20 ms latency")]
    public async Task<int> FourLookups()
    {
        var replies = await _client.SendAllAsync(
        [
            RouterOsCommand.Print(MikrotikMenus.SystemResource).Proplist("version"),
            RouterOsCommand.Print(MikrotikMenus.SystemIdentity),
            RouterOsCommand.Print(MikrotikMenus.HotspotUsers, RouterOsQuery.Create().Equal("name", "nobody")),
            RouterOsCommand.Print(MikrotikMenus.HotspotActive).CountOnly(),
        ], CancellationToken.None);
        return replies.Count;
    }
}
