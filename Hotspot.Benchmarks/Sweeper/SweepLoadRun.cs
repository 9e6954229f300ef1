using System.Diagnostics;
using System.Globalization;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Simulators.RouterOs;
using Hotspot.Sweeper;

namespace Hotspot.Benchmarks.Sweeper;

/// <summary>
/// A load run (not BenchmarkDotNet: a sweep changes the router, so each run needs a freshly seeded one): a router
/// holding 50,000 users, 10,000 of them past their limit-uptime with a cookie each, swept at 1 ms latency per reply.
/// <c>dotnet run -c Release --project Hotspot.Benchmarks -- sweep-load</c>
/// </summary>
public static class SweepLoadRun
{
    private const int Users = 50_000;
    private const int Expired = 10_000;

    public static async Task<int> RunAsync()
    {
        await using var router = RouterOsSimulator.Start(new RouterOsSimulatorOptions { Password = "bench" });
        await using var client = await RouterOsConnection.OpenAsync(
            new RouterOsEndpoint(1, "127.0.0.1", router.ApiPort, "admin") { CommandTimeout = TimeSpan.FromSeconds(60) }, "bench", CancellationToken.None);
        await SeedAsync(router, client);

        router.Faults.LatencyMs = 1;
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        var counters = client.Counters.Snapshot();
        var clock = Stopwatch.StartNew();
        var report = await new MikrotikSweep(TimeProvider.System).SweepAsync(client, 1, TimeSpan.FromDays(1), CancellationToken.None);
        clock.Stop();
        var cost = client.Counters.Snapshot() - counters;
        using var process = Process.GetCurrentProcess();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Swept {report.UsersScanned} users: {report.ExpiredUsersRemoved} expired removed with {report.CookiesRemoved} cookies in {clock.Elapsed.TotalSeconds:0.00} s at 1 ms latency; " +
            $"{cost.RoundTrips} round trips, {cost.Commands} commands, {cost.BytesReceived / 1024.0 / 1024.0:0.0} MiB received; " +
            $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0:0} MiB; " +
            $"process peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB (before the sweep {peakBefore / 1024.0 / 1024.0:0} MiB; the simulator and its 50,000 users live in this process)."));
        var remaining = 0;
        await foreach (var _ in client.StreamAsync(RouterOsCommand.Print(MikrotikMenus.HotspotUsers).Proplist(".id"), CancellationToken.None))
        {
            remaining++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Users left on the router: {remaining} (expected {Users - Expired})."));
        return remaining == Users - Expired ? 0 : 1;
    }

    private static async Task SeedAsync(RouterOsSimulator router, RouterOsConnection client)
    {
        var adds = Enumerable.Range(0, Users).Select(i =>
        {
            var add = new RouterOsCommand(MikrotikMenus.HotspotUsers + "/add").With("name", Name(i)).With("password", "pw");
            return i < Expired ? add.With("limit-uptime", "1s") : add;
        });
        foreach (var chunk in adds.Chunk(2_000))
        {
            await client.SendAllAsync(chunk, CancellationToken.None);
        }

        // The expired users were online: a session each, ended by their limit, leaves uptime and a cookie.
        var logins = new List<RouterOsCommand>();
        for (var i = 0; i < Expired; i++)
        {
            var mac = string.Create(CultureInfo.InvariantCulture, $"02:00:00:{i / 65536:X2}:{i / 256 % 256:X2}:{i % 256:X2}");
            var ip = string.Create(CultureInfo.InvariantCulture, $"10.{i / 65536}.{i / 256 % 256}.{i % 256}");
            router.State.AddHost(mac, ip);
            logins.Add(new RouterOsCommand(MikrotikMenus.HotspotActive + "/login").With("user", Name(i)).With("password", "pw").With("mac-address", mac).With("ip", ip));
        }

        foreach (var chunk in logins.Chunk(2_000))
        {
            await client.SendAllAsync(chunk, CancellationToken.None);
        }

        router.Clock.Advance(TimeSpan.FromSeconds(2));
        router.State.Refresh();
    }

    private static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"PT-{i:D6}");
}
