using System.Net.Http.Json;
using Hotspot.Drivers;
using Hotspot.Secrets;
using Hotspot.Simulators.Unifi;
using Hotspot.Unifi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Unifi;

/// <summary>
/// A UniFi simulator over HTTPS, the real driver wired as the product wires it (its own service provider, so its
/// connections and circuit breakers are its own), the API key in a secret store, and the simulator's control port.
/// </summary>
public sealed class UnifiTestBed : IAsyncDisposable
{
    public const long RouterId = 7;
    public const string Key = "test-key-5f0c1e";

    private readonly ServiceProvider _services;

    private UnifiTestBed(UnifiSimulator simulator, ServiceProvider services, LocalSecretStore secrets, CapturedLogs logs)
    {
        Simulator = simulator;
        _services = services;
        Secrets = secrets;
        Logs = logs;
        Control = new HttpClient { BaseAddress = simulator.ControlUrl, Timeout = TimeSpan.FromSeconds(10) };
    }

    public UnifiSimulator Simulator { get; }

    public LocalSecretStore Secrets { get; }

    public CapturedLogs Logs { get; }

    public HttpClient Control { get; }

    public static async Task<UnifiTestBed> StartAsync(Action<UnifiDriverOptions>? configure = null, UnifiSimulatorOptions? simulatorOptions = null)
    {
        var logs = new CapturedLogs();
        var simulator = await UnifiSimulator.StartAsync(simulatorOptions ?? new UnifiSimulatorOptions { ApiKey = Key }, CancellationToken.None);
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddUnifiDriver(options =>
            {
                options.AttemptTimeout = TimeSpan.FromSeconds(2);
                options.TotalTimeout = TimeSpan.FromSeconds(5);
                options.OperationTimeout = TimeSpan.FromSeconds(8);
                options.RetryDelay = TimeSpan.FromMilliseconds(20);
                configure?.Invoke(options);
            })
            .BuildServiceProvider();
        var secrets = new LocalSecretStore(TimeProvider.System, filePath: null);
        await secrets.SetAsync(SecretNames.RouterUnifiApiKey(RouterId), Key, CancellationToken.None);
        return new UnifiTestBed(simulator, services, secrets, logs);
    }

    /// <summary>The driver for the simulator, its certificate pinned unless told otherwise.</summary>
    public IGuestAccessController Driver(string? pin = "", bool acceptAny = false, Uri? baseUrl = null) =>
        _services.GetRequiredService<UnifiControllerFactory>().Create(UnifiRouterConnection.FromSecretStore(
            RouterId, baseUrl ?? Simulator.ApiBaseUrl, Secrets, pin == "" ? Simulator.CertificateSha256 : pin, acceptAny));

    /// <summary>A device joins a site as the control port's <c>POST /clients</c> does.</summary>
    public async Task<string> JoinAsync(MacAddress mac, string? site = null, bool wired = false, bool guest = true)
    {
        using var response = await Control.PostAsJsonAsync("/clients",
            new { mac = mac.ToString(), site, type = wired ? "WIRED" : "WIRELESS", guest });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        return body!["id"];
    }

    public async Task FaultAsync(UnifiFault fault)
    {
        using var response = await Control.PostAsJsonAsync("/faults", fault);
        response.EnsureSuccessStatusCode();
    }

    public async Task AdvanceClockAsync(TimeSpan by)
    {
        using var response = await Control.PostAsJsonAsync("/clock/advance", new { seconds = by.TotalSeconds });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The API requests the simulator served, as "METHOD /path?query".</summary>
    public IReadOnlyList<string> Requests => Simulator.State.Requests;

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await _services.DisposeAsync();
        Secrets.Dispose();
        await Simulator.DisposeAsync();
    }
}
