using BenchmarkDotNet.Attributes;
using Hotspot.Drivers;
using Hotspot.Simulators.Unifi;
using Hotspot.Unifi;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Benchmarks;

/// <summary>
/// One portal request's controller work through the UniFi driver, against the simulator over loopback HTTPS (pinned),
/// with 500 other clients on the site: what the driver adds on top of the controller's own latency.
/// </summary>
[MemoryDiagnoser]
public class UnifiDriverBenchmarks
{
    private static readonly MacAddress Guest = MacAddress.Parse("1c:71:25:63:e4:24");
    private UnifiSimulator _simulator = null!;
    private ServiceProvider _services = null!;
    private IGuestAccessController _driver = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _simulator = await UnifiSimulator.StartAsync(new UnifiSimulatorOptions(), CancellationToken.None);
        for (var i = 0; i < 500; i++)
        {
            _simulator.State.Join(MacAddress.Parse($"02:00:00:00:{i / 256:x2}:{i % 256:x2}"), "default");
        }

        _simulator.State.Join(Guest, "default");
        _services = new ServiceCollection().AddLogging().AddUnifiDriver().BuildServiceProvider();
        _driver = _services.GetRequiredService<UnifiControllerFactory>().Create(new UnifiRouterConnection(
            "bench", _simulator.ApiBaseUrl, _ => Task.FromResult<string?>(UnifiSimulatorOptions.DefaultApiKey), _simulator.CertificateSha256));
        await _driver.FindDeviceAsync(new GuestDevice(Guest), CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Benchmark(Description = "status: client by MAC filter + read-back (site cached)")]
    public Task<GuestStatus?> Status() => _driver.GetStatusAsync(new GuestDevice(Guest), CancellationToken.None);

    [Benchmark(Description = "authorize: client, action, read-back (site cached)")]
    public Task<GuestStatus> Authorize() =>
        _driver.AuthorizeAsync(new GuestAuthorization(new GuestDevice(Guest), new AccessBudget(TimeSpan.FromMinutes(60), 500, 2000, 1000)), CancellationToken.None);
}
