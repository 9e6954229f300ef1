using BenchmarkDotNet.Attributes;

namespace Hotspot.Benchmarks.Portal;

/// <summary>
/// Seed 002's goal: 1,000 <c>create_voucher</c> calls through the HTTP API, against a router that answers every
/// command 20 ms late, in under 5 s. A portal's batch as 64 concurrent requests; every voucher is written to the
/// table and to the router before its answer.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class VoucherCreateBenchmarks
{
    private VoucherApiHost _host = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = await VoucherApiHost.StartAsync();
        _host.Router.Faults.LatencyMs = 20;
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _host.DisposeAsync().AsTask();

    [Benchmark(Description = "1,000 create_voucher over HTTP, router latency 20 ms, 64 in flight")]
    public Task CreateThousand() => _host.CreateVouchersAsync(1000, 64);
}
