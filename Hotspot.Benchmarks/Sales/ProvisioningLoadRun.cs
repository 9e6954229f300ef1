using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Hotspot.DevHost.Storage;
using Hotspot.Drivers;
using Hotspot.Reconnect;
using Hotspot.RouterOs;
using Hotspot.Sales.Provisioning;
using Hotspot.Sales.Provisioning.Mikrotik;
using Hotspot.Secrets;
using Hotspot.Simulators.RouterOs;
using Hotspot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hotspot.Benchmarks.Sales;

/// <summary>
/// The router work of approved purchases on MikroTik, one after another on a warm connection to a router 20 ms away
/// (simulated latency on every reply): the user made (the add and a read of its name, pipelined), then, with automatic
/// connection, the buyer's device logged in through auto-reconnect. Each purchase is new, with a device of its own in
/// the host table. A load run rather than BenchmarkDotNet: every run adds users to the router.
/// <c>dotnet run -c Release --project Hotspot.Benchmarks -- provisioning [purchases]</c>
/// </summary>
public static class ProvisioningLoadRun
{
    private const int LatencyMs = 20;
    private static int _next;

    public static async Task<int> RunAsync(int purchases)
    {
        await using var azurite = await LocalAzurite.StartAsync();
        await using var router = RouterOsSimulator.Start(new RouterOsSimulatorOptions { Password = "bench" });
        await using var client = await RouterOsConnection.OpenAsync(new RouterOsEndpoint(1, "127.0.0.1", router.ApiPort, "admin"), "bench", CancellationToken.None);
        var store = new TableStore(new TableServiceClient(azurite.ConnectionString), Options.Create(new StorageOptions { TablePrefix = "bench" }));
        var leases = new FamilyLeases(store, TimeProvider.System);
        using var secrets = new LocalSecretStore(TimeProvider.System, null);
        var provisioner = new MikrotikPurchaseProvisioner(
            new PurchaseCredentials(new PurchaseCredentialKey(secrets, store, TimeProvider.System)),
            new ReconnectService(new RouterVersionCache(), new FirstSessionStore(store), leases, TimeProvider.System),
            leases,
            NullLogger<MikrotikPurchaseProvisioner>.Instance);
        for (var i = 0; i < 5; i++)
        {
            // Warm-up: the tables, the version cache, the JIT.
            await ProvisionAsync(provisioner, router, client, autoConnect: true);
        }

        router.Faults.LatencyMs = LatencyMs;
        var failures = 0;
        foreach (var autoConnect in new[] { false, true })
        {
            var times = new List<double>(purchases);
            var roundTrips = new List<int>(purchases);
            var before = client.Counters.Snapshot();
            for (var i = 0; i < purchases; i++)
            {
                var clock = Stopwatch.StartNew();
                var result = await ProvisionAsync(provisioner, router, client, autoConnect);
                times.Add(clock.Elapsed.TotalMilliseconds);
                roundTrips.Add(result.RouterRoundTrips);
                failures += result.Status == ProvisioningStatus.Done && result.LoggedIn == autoConnect ? 0 : 1;
            }

            var cost = client.Counters.Snapshot() - before;
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{purchases} purchases {(autoConnect ? "with" : "without")} automatic connection at {LatencyMs} ms per reply: " +
                $"sequential round trips {roundTrips.Min()}-{roundTrips.Max()} per purchase, {cost.Commands / (double)purchases:0.0} commands, {cost.ConnectionsOpened} connections opened; " +
                $"median {times[times.Count / 2]:0.0} ms, p95 {times[(int)(times.Count * 0.95)]:0.0} ms, mean {times.Average():0.0} ms per purchase."));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Purchases not provisioned as asked: {failures}."));
        return failures == 0 ? 0 : 1;
    }

    private static Task<ProvisioningResult> ProvisionAsync(MikrotikPurchaseProvisioner provisioner, RouterOsSimulator router, RouterOsConnection client, bool autoConnect)
    {
        var i = Interlocked.Increment(ref _next);
        var mac = string.Create(CultureInfo.InvariantCulture, $"02:00:00:00:{i / 256:X2}:{i % 256:X2}");
        var ip = string.Create(CultureInfo.InvariantCulture, $"10.{i / 250}.0.{(i % 250) + 2}");
        router.State.AddHost(mac, ip);
        var order = new ProvisioningOrder(1, 1, string.Create(CultureInfo.InvariantCulture, $"bench{i}"), PurchaseCredentials.NewUserName(), 3600,
            null, null, null, null, MacAddress.Parse(mac), ip, autoConnect);
        return provisioner.ProvisionAsync(client, order, CancellationToken.None);
    }
}
