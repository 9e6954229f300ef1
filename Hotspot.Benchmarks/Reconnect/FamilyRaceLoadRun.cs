using System.Diagnostics;
using System.Globalization;
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
/// The family race of issue 14 as a load run: 200 RANDMAC families with 10 h left, three rounds in which four devices
/// of every family (two it has seen, two new) reconnect at once, 64 reconnects in flight, every router reply 20 ms
/// late, spread over two instances of the reconnect service (each with its own connection and in-process state,
/// sharing the tables in Azurite). After each round it counts families with more than one live session, families
/// whose members can together use more than is left, and answers of "time used up". The router's clock stands
/// still, so the arithmetic is exact.
/// <c>dotnet run -c Release --project Hotspot.Benchmarks -- family-race [runs] [devices per round, 1 for one device per family]</c>
/// </summary>
public static class FamilyRaceLoadRun
{
    private const int Families = 200;
    private const int InFlight = 64;
    private const int Rounds = 3;
    private const int Instances = 2;
    private const string Password = "4821";

    public static async Task<int> RunAsync(int runs, int devicesPerRound = 4)
    {
        await using var azurite = await LocalAzurite.StartAsync();
        var failures = 0;
        for (var run = 1; run <= runs; run++)
        {
            failures += await RunOnceAsync(azurite, run, devicesPerRound);
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> RunOnceAsync(LocalAzurite azurite, int run, int devicesPerRound)
    {
        await using var router = RouterOsSimulator.Start(new RouterOsSimulatorOptions { Password = "bench", Clock = new SimulatorClock(new StillClock()) });
        var options = Options.Create(new StorageOptions { TablePrefix = "race" + Guid.NewGuid().ToString("N")[..8] });
        var store = new TableStore(new TableServiceClient(azurite.ConnectionString), options);
        await store.GetTableAsync(FirstSessionStore.Table, CancellationToken.None);
        await store.GetTableAsync("FamilyLeases", CancellationToken.None);
        var instances = new List<(ReconnectService Service, RouterOsConnection Client)>();
        for (var i = 0; i < Instances; i++)
        {
            var connection = await RouterOsConnection.OpenAsync(new RouterOsEndpoint(1, "127.0.0.1", router.ApiPort, "admin"), "bench", CancellationToken.None);
            instances.Add((NewService(store), connection));
        }

        var admin = instances[0].Client;
        await admin.SendAllAsync([.. Enumerable.Range(0, Families).Select(f => new RouterOsCommand(MikrotikMenus.HotspotUsers + "/add")
            .With("name", Name(f)).With("password", Password).With("mac-address", Mac(f, 0)).With("comment", "MODE=RANDMAC TL=43200 TA=7200"))], CancellationToken.None);
        for (var f = 0; f < Families; f++)
        {
            // A first visit, one device at a time, so that every family starts from a consistent state.
            router.State.AddHost(Mac(f, 0), Ip(f, 0));
            await ReconnectAsync(instances[0], f, 0);
        }

        router.Faults.LatencyMs = 20;
        var (doubles, overspent, falseExpiry, connected, busy, other, errors) = (0, 0, 0, 0, 0, 0, 0);
        var latencies = new List<double>();
        var refusals = new Dictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            // One device per family: the family's only device leaves and comes back every round.
            var devices = devicesPerRound == 1 ? [0] : Enumerable.Range(round * 2, devicesPerRound).ToList();
            foreach (var f in Enumerable.Range(0, Families))
            {
                foreach (var d in devices)
                {
                    router.State.RemoveHost(Mac(f, d));
                    router.State.AddHost(Mac(f, d), Ip(f, d));
                }
            }

            using var gate = new SemaphoreSlim(InFlight);
            var answers = await Task.WhenAll(
                from f in Enumerable.Range(0, Families)
                from d in devices
                select TimedAsync(gate, instances[(f + d) % Instances], f, d));
            foreach (var (answer, elapsed) in answers)
            {
                latencies.Add(elapsed.TotalMilliseconds);
                falseExpiry += answer.Mensaje == Messages.TimeExhausted ? 1 : 0;
                connected += answer.AutoConexion == AutoConexion.Conectado ? 1 : 0;
                busy += answer.Mensaje == Messages.Busy ? 1 : 0;
                other += answer.AutoConexion != AutoConexion.Conectado && answer.Mensaje != Messages.Busy ? 1 : 0;
                errors += answer.Estado == Estados.Error ? 1 : 0;
                if (answer.AutoConexion != AutoConexion.Conectado && answer.Mensaje != Messages.Busy)
                {
                    var reason = $"{answer.Estado}: {answer.Mensaje}";
                    refusals[reason] = refusals.GetValueOrDefault(reason) + 1;
                }
            }

            var users = await admin.GetHotspotUsersAsync(null, CancellationToken.None);
            var sessions = await admin.GetHotspotActiveAsync(null, CancellationToken.None);
            foreach (var audit in Enumerable.Range(0, Families).Select(f => FamilyAudit.Of(Name(f), users, sessions)))
            {
                doubles += audit.LiveSessions > 1 ? 1 : 0;
                overspent += audit.Overspends ? 1 : 0;
            }
        }

        clock.Stop();
        latencies.Sort();
        var total = latencies.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run {run}: {total} reconnects ({Families} families x {devicesPerRound} devices x {Rounds} rounds, {InFlight} in flight, 20 ms per reply, {Instances} instances) in {clock.Elapsed.TotalSeconds:0.0} s: " +
            $"{connected} conectado, {busy} busy (retry), {other} other no_conectado ({errors} estado error), {falseExpiry} false 'time used up'; " +
            $"families with two or more live sessions after a round: {doubles}; families able to use more than is left: {overspent}; " +
            $"latency p50 {latencies[total / 2]:0} ms, p95 {latencies[total * 95 / 100]:0} ms, max {latencies[^1]:0} ms"));
        foreach (var (reason, count) in refusals.OrderByDescending(r => r.Value))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  not connected, {count}x: {reason}"));
        }

        foreach (var (cause, count) in Causes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  router failure, {count}x: {cause}"));
        }

        Causes.Clear();

        foreach (var (_, client) in instances)
        {
            await client.DisposeAsync();
        }

        return doubles + overspent + falseExpiry;
    }

    private static ReconnectService NewService(TableStore store) =>
        new(new RouterVersionCache(), new FirstSessionStore(store), new FamilyLeases(store, TimeProvider.System), TimeProvider.System);

    private static async Task<(AutoReconnectResponse Answer, TimeSpan Elapsed)> TimedAsync(
        SemaphoreSlim gate, (ReconnectService Service, RouterOsConnection Client) instance, int family, int device)
    {
        await gate.WaitAsync();
        try
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await ReconnectAsync(instance, family, device);
            return (answer, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<AutoReconnectResponse> ReconnectAsync((ReconnectService Service, RouterOsConnection Client) instance, int family, int device)
    {
        var (input, _) = ReconnectInput.From(new AutoReconnectRequest(Name(family), Password, Mac(family, 0), Mac(family, device), Ip(family, device), null));
        using var budget = new CancellationTokenSource(AutoReconnection.TimeBudget);
        try
        {
            return await instance.Service.ReconnectAsync(instance.Client, 1, input!, budget.Token);
        }
        catch (Exception e) when (e is RouterOsException or OperationCanceledException)
        {
            // What the endpoint answers when the router fails or the budget runs out.
            Causes.AddOrUpdate(budget.IsCancellationRequested ? "budget spent" : e.GetType().Name, 1, (_, n) => n + 1);
            return AutoReconnectResponse.Failed(input!.CurrentMac, e.Message, DateTimeOffset.UtcNow);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Causes = new(StringComparer.Ordinal);

    private static string Name(int family) => string.Create(CultureInfo.InvariantCulture, $"R{family:D4}");

    private static string Mac(int family, int device) => string.Create(CultureInfo.InvariantCulture, $"02:00:{device:X2}:00:{family / 256:X2}:{family % 256:X2}");

    private static string Ip(int family, int device) => string.Create(CultureInfo.InvariantCulture, $"10.{device}.{family / 250}.{(family % 250) + 2}");

    /// <summary>A clock that stands still: sessions on the simulated router use no time while the run lasts.</summary>
    private sealed class StillClock : TimeProvider
    {
        private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
