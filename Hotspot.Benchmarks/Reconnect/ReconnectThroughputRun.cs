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
/// Warm throughput: one instance of the reconnect service, 16 simulated routers (no injected latency) each on its
/// warm connection, 64 families per router with one device each, 64 reconnects in flight for 10 s. First the
/// devices are online (nothing changes), then every device leaves and comes back before each reconnect (a login).
/// Reconnects per second, and table requests (and writes) per reconnect.
/// <c>dotnet run -c Release --project Hotspot.Benchmarks -- reconnect-throughput [seconds]</c>
/// </summary>
public static class ReconnectThroughputRun
{
    private const int Routers = 16;
    private const int FamiliesPerRouter = 64;
    private const int InFlight = 64;
    private const string Password = "4821";

    public static async Task<int> RunAsync(int seconds)
    {
        await using var azurite = await LocalAzurite.StartAsync();
        var counter = new StorageRequestCounter();
        var writes = new WriteCounter();
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        clientOptions.AddPolicy(writes, HttpPipelinePosition.PerRetry);
        var store = new TableStore(new TableServiceClient(azurite.ConnectionString, clientOptions), Options.Create(new StorageOptions { TablePrefix = "tput" }));
        var service = new ReconnectService(new RouterVersionCache(), new FirstSessionStore(store), new FamilyLeases(store, TimeProvider.System), TimeProvider.System);
        var routers = new List<(RouterOsSimulator Simulator, RouterOsConnection Client)>();
        for (var r = 0; r < Routers; r++)
        {
            var simulator = RouterOsSimulator.Start(new RouterOsSimulatorOptions { Password = "bench" });
            var client = await RouterOsConnection.OpenAsync(new RouterOsEndpoint(r + 1, "127.0.0.1", simulator.ApiPort, "admin"), "bench", CancellationToken.None);
            await client.SendAllAsync([.. Enumerable.Range(0, FamiliesPerRouter).Select(f => new RouterOsCommand(MikrotikMenus.HotspotUsers + "/add")
                .With("name", Name(f)).With("password", Password).With("mac-address", Mac(f)).With("comment", "MODE=RANDMAC TL=360000 TA=0"))], CancellationToken.None);
            for (var f = 0; f < FamiliesPerRouter; f++)
            {
                simulator.State.AddHost(Mac(f), Ip(f));
                await ReconnectAsync(service, client, f);
            }

            routers.Add((simulator, client));
        }

        foreach (var relogin in new[] { false, true })
        {
            var (count, requests, written) = (0L, counter.Requests, writes.Writes);
            var connected = 0L;
            var clock = Stopwatch.StartNew();
            var until = TimeSpan.FromSeconds(seconds);
            await Task.WhenAll(Enumerable.Range(0, InFlight).Select(worker => Task.Run(async () =>
            {
                for (var p = worker; clock.Elapsed < until; p = (p + InFlight) % (Routers * FamiliesPerRouter))
                {
                    // Worker w owns the (router, family) pairs p = w mod InFlight: one reconnect per family at a time.
                    var (simulator, client) = routers[p % Routers];
                    var f = p / Routers;
                    if (relogin)
                    {
                        simulator.State.RemoveHost(Mac(f));
                        simulator.State.AddHost(Mac(f), Ip(f));
                    }

                    var answer = await ReconnectAsync(service, client, f);
                    Interlocked.Increment(ref count);
                    Interlocked.Add(ref connected, answer.AutoConexion == AutoConexion.Conectado ? 1 : 0);
                }
            })));
            clock.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(relogin ? "device left and came back (login)" : "device already online")}: {count} reconnects in {clock.Elapsed.TotalSeconds:0.0} s = {count / clock.Elapsed.TotalSeconds:0} /s " +
                $"({connected} conectado), table requests per reconnect {(counter.Requests - requests) / (double)count:0.000}, table writes per reconnect {(writes.Writes - written) / (double)count:0.000}"));
        }

        foreach (var (simulator, client) in routers)
        {
            await client.DisposeAsync();
            await simulator.DisposeAsync();
        }

        return 0;
    }

    private static Task<AutoReconnectResponse> ReconnectAsync(ReconnectService service, RouterOsConnection client, int family)
    {
        var (input, _) = ReconnectInput.From(new AutoReconnectRequest(Name(family), Password, Mac(family), Mac(family), Ip(family), null));
        return service.ReconnectAsync(client, client.Endpoint.RouterId, input!, CancellationToken.None);
    }

    private static string Name(int f) => string.Create(CultureInfo.InvariantCulture, $"T{f:D4}");

    private static string Mac(int f) => string.Create(CultureInfo.InvariantCulture, $"02:00:00:00:{f / 256:X2}:{f % 256:X2}");

    private static string Ip(int f) => string.Create(CultureInfo.InvariantCulture, $"10.0.{f / 250}.{(f % 250) + 2}");

    private sealed class WriteCounter : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        private long _writes;

        public long Writes => Interlocked.Read(ref _writes);

        public override void OnSendingRequest(HttpMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (message.Request.Method != RequestMethod.Get)
            {
                Interlocked.Increment(ref _writes);
            }
        }
    }
}
