using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Hotspot.DevHost.Storage;
using Hotspot.Mikrotik;
using Hotspot.Reconnect;
using Hotspot.RouterOs;
using Hotspot.Simulators.RouterOs;
using Hotspot.Storage;
using Microsoft.Extensions.Options;

namespace Hotspot.Benchmarks.Reconnect;

/// <summary>
/// Seed 000's three common cases, one at a time, on a warm connection to a simulated router answering every reply
/// 20 ms late, on RouterOS 6.49 and 7.14: a known device (offline, its MAC held by a member) coming back later, a new
/// MAC that gets a new clone, a device already online, and the known device back within minutes. Median, p95, router round trips and table requests per reconnect; then
/// the cold start: the first reconnect of an instance to a router it has not talked to (connect and log in, then
/// the reconnect).
/// <c>dotnet run -c Release --project Hotspot.Benchmarks -- reconnect-cases [samples]</c>
/// </summary>
public static class ReconnectCasesRun
{
    private const string Password = "4821";

    public static async Task<int> RunAsync(int samples)
    {
        await using var azurite = await LocalAzurite.StartAsync();
        foreach (var version in new[] { "6.49.10 (long-term)", "7.14.3 (stable)" })
        {
            await RunVersionAsync(azurite, version, samples);
        }

        return 0;
    }

    private static async Task RunVersionAsync(LocalAzurite azurite, string version, int samples)
    {
        await using var router = RouterOsSimulator.Start(new RouterOsSimulatorOptions { Password = "bench", Version = version });
        var counter = new StorageRequestCounter();
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var store = new TableStore(new TableServiceClient(azurite.ConnectionString, clientOptions),
            Options.Create(new StorageOptions { TablePrefix = "cases" + Guid.NewGuid().ToString("N")[..8] }));
        var clock = new ShiftedClock();
        var service = new ReconnectService(new RouterVersionCache(), new FirstSessionStore(store), new FamilyLeases(store, TimeProvider.System), clock);
        var endpoint = new RouterOsEndpoint(1, "127.0.0.1", router.ApiPort, "admin");
        await using var client = await RouterOsConnection.OpenAsync(endpoint, "bench", CancellationToken.None);
        await client.SendAllAsync([.. Enumerable.Range(0, samples).Select(i => new RouterOsCommand(MikrotikMenus.HotspotUsers + "/add")
            .With("name", Name(i)).With("password", Password).With("mac-address", Mac(i, 0)).With("comment", "MODE=RANDMAC TL=36000 TA=0"))], CancellationToken.None);
        for (var i = 0; i < samples; i++)
        {
            // Every customer connected before on the device that holds the user's MAC, through this instance.
            router.State.AddHost(Mac(i, 0), Ip(i, 0));
            await ReconnectAsync(service, client, i, 0);
        }

        router.Faults.LatencyMs = 20;
        // The customers come back later: past the keepalive window in which this instance expects them still online.
        clock.Shift(RecentlyConnected.Window + TimeSpan.FromMinutes(1));
        var known = new List<(double Ms, long RoundTrips, long Tables, bool Connected)>();
        var clone = new List<(double Ms, long RoundTrips, long Tables, bool Connected)>();
        var online = new List<(double Ms, long RoundTrips, long Tables, bool Connected)>();
        var backSoon = new List<(double Ms, long RoundTrips, long Tables, bool Connected)>();
        for (var i = 0; i < samples; i++)
        {
            router.State.RemoveHost(Mac(i, 0));
            router.State.AddHost(Mac(i, 0), Ip(i, 0));
            known.Add(await MeasureAsync(service, client, counter, i, 0));
            router.State.AddHost(Mac(i, 1), Ip(i, 1));
            clone.Add(await MeasureAsync(service, client, counter, i, 1));
            online.Add(await MeasureAsync(service, client, counter, i, 1));
            // The first device again, a moment after this instance connected it: read first, the lease after.
            router.State.RemoveHost(Mac(i, 0));
            router.State.AddHost(Mac(i, 0), Ip(i, 0));
            backSoon.Add(await MeasureAsync(service, client, counter, i, 0));
        }

        Report(version, "known device", known);
        Report(version, "new MAC, new clone", clone);
        Report(version, "already online", online);
        Report(version, "known device back within the keepalive window", backSoon);

        // Cold start: a new instance (no connection, no cached version or lease) and a device that holds its MAC.
        var cold = new List<(double Connect, double Reconnect, long RoundTrips)>();
        for (var i = 0; i < Math.Min(samples, 10); i++)
        {
            router.State.RemoveHost(Mac(i, 0));
            router.State.AddHost(Mac(i, 0), Ip(i, 0));
            var fresh = new ReconnectService(new RouterVersionCache(), new FirstSessionStore(store), new FamilyLeases(store, TimeProvider.System), TimeProvider.System);
            var started = Stopwatch.GetTimestamp();
            await using var connection = await RouterOsConnection.OpenAsync(endpoint, "bench", CancellationToken.None);
            var connected = Stopwatch.GetElapsedTime(started);
            var before = connection.Counters.Snapshot();
            await ReconnectAsync(fresh, connection, i, 0);
            cold.Add((connected.TotalMilliseconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds, (connection.Counters.Snapshot() - before).RoundTrips));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{version}, cold start (connect + API login, then the reconnect of a known device): connect+login median {Median(cold.Select(c => c.Connect)):0.0} ms, " +
            $"whole first reconnect median {Median(cold.Select(c => c.Reconnect)):0.0} ms, reconnect round trips {cold.Select(c => c.RoundTrips).Max()} (login: 1 round trip on >= 6.43)"));
    }

    private static async Task<(double Ms, long RoundTrips, long Tables, bool Connected)> MeasureAsync(
        ReconnectService service, RouterOsConnection client, StorageRequestCounter counter, int family, int device)
    {
        var before = client.Counters.Snapshot();
        var tables = counter.Requests;
        var started = Stopwatch.GetTimestamp();
        var answer = await ReconnectAsync(service, client, family, device);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (elapsed, (client.Counters.Snapshot() - before).RoundTrips, counter.Requests - tables, answer.AutoConexion == AutoConexion.Conectado);
    }

    private static void Report(string version, string name, List<(double Ms, long RoundTrips, long Tables, bool Connected)> runs)
    {
        var sorted = runs.Select(r => r.Ms).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{version}, {name}: {runs.Count(r => r.Connected)}/{runs.Count} conectado, median {Median(sorted):0.0} ms, p95 {sorted[(sorted.Count * 95 / 100) - (sorted.Count % 20 == 0 ? 1 : 0)]:0.0} ms, " +
            $"router round trips {runs.Min(r => r.RoundTrips)}-{runs.Max(r => r.RoundTrips)}, table requests per reconnect {runs.Average(r => r.Tables):0.00}"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static Task<AutoReconnectResponse> ReconnectAsync(ReconnectService service, IRouterOsClient client, int family, int device)
    {
        var (input, _) = ReconnectInput.From(new AutoReconnectRequest(Name(family), Password, Mac(family, 0), Mac(family, device), Ip(family, device), null));
        return service.ReconnectAsync(client, 1, input!, CancellationToken.None);
    }

    /// <summary>The machine's clock, moved forward on demand: the customers' return, without waiting for it.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        private TimeSpan _shift;

        public void Shift(TimeSpan by) => _shift += by;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _shift;
    }

    private static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"C{i:D5}");

    private static string Mac(int i, int device) => string.Create(CultureInfo.InvariantCulture, $"02:00:{device:X2}:00:{i / 256:X2}:{i % 256:X2}");

    private static string Ip(int i, int device) => string.Create(CultureInfo.InvariantCulture, $"10.{i / 250}.{device}.{(i % 250) + 2}");
}
