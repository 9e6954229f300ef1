using System.Net;
using BenchmarkDotNet.Attributes;

namespace Hotspot.Benchmarks.Portal;

/// <summary>Seed 002's goal: <c>get_voucher_users</c>' first page for a router with 10,000 vouchers in under 100 ms.</summary>
[MemoryDiagnoser]
public class VoucherListBenchmarks
{
    private VoucherApiHost _host = null!;
    private string _query = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = await VoucherApiHost.StartAsync();
        await _host.CreateVouchersAsync(10_000, 64);
        _query = $"/api/?api-key={Uri.EscapeDataString(_host.ApiKey)}&action=get_voucher_users";
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _host.DisposeAsync().AsTask();

    [Benchmark(Description = "get_voucher_users, first page (50) of 10,000, over HTTP")]
    public async Task<HttpStatusCode> FirstPage()
    {
        using var response = await _host.Client.GetAsync(new Uri(_query, UriKind.Relative));
        return response.StatusCode;
    }
}
