using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Hotspot.Auth;
using Hotspot.Storage;
using Hotspot.Tenancy;
using Hotspot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Benchmarks.Tenancy;

/// <summary>
/// What every portal request pays to prove its router API key: validation plus router and company resolution.
/// Warm, it must read no table; cold, three point reads in parallel. Runs the real DevHost over its own Azurite.
/// </summary>
[MemoryDiagnoser]
public class ApiKeyValidationBenchmarks
{
    private const string Password = "benchmark-password-1";
    private RunningDevHost _host = null!;
    private ApiKeyAuthenticator _authenticator = null!;
    private TenancyCache _cache = null!;
    private string _apiKey = "";
    private string _keyId = "";
    private long _routerId;
    private long _empresaId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = await RunningDevHost.StartAsync(new Dictionary<string, string?>
        {
            ["Hotspot:Auth:BcryptCost"] = "4",
            ["Hotspot:Bootstrap:AdminEmail"] = "bench@hotspot.test",
            ["Hotspot:Bootstrap:AdminPassword"] = Password,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _authenticator = _host.Services.GetRequiredService<ApiKeyAuthenticator>();
        _cache = _host.Services.GetRequiredService<TenancyCache>();
        await SeedAsync();

        await ValidateAsync();
        var counter = _host.Services.GetRequiredService<StorageRequestCounter>();
        const int Rounds = 1000;
        var before = counter.Requests;
        for (var i = 0; i < Rounds; i++)
        {
            await ValidateAsync();
        }

        var warm = counter.Requests - before;
        before = counter.Requests;
        for (var i = 0; i < Rounds; i++)
        {
            await ColdValidation();
        }

        var cold = counter.Requests - before;
        Console.WriteLine($"// Table requests per warm validation: {(double)warm / Rounds:0.000} ({warm} in {Rounds}); per cold validation: {(double)cold / Rounds:0.000}");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _host.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "warm: key + router + company from the instance cache")]
    public Task<bool> WarmValidation() => ValidateAsync();

    [Benchmark(Description = "cold: the cache emptied first (3 point reads in parallel)")]
    public Task<bool> ColdValidation()
    {
        _cache.ApiKeyChanged(_keyId);
        _cache.RouterChanged(_routerId);
        _cache.EmpresaChanged(_empresaId);
        return ValidateAsync();
    }

    [Benchmark(Description = "warm, over HTTP: GET /api/v1/hotspot/router")]
    public async Task<HttpStatusCode> WarmHttpRequest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/hotspot/router");
        request.Headers.Add("X-API-Key", _apiKey);
        using var response = await _host.Client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<bool> ValidateAsync()
    {
        var context = new DefaultHttpContext { RequestServices = _host.Services };
        context.Request.Headers["X-API-Key"] = _apiKey;
        var (principal, _) = await _authenticator.AuthenticateAsync(context, KeyScope.Portal, CancellationToken.None);
        return principal is not null;
    }

    private async Task SeedAsync()
    {
        var login = await PostAsync("/api/v1/auth/login", null, new { email = "bench@hotspot.test", password = Password });
        var token = login.GetProperty("access_token").GetString()!;
        _empresaId = (await PostAsync("/api/v1/admin/empresas", token, new { nombre = "Bench" })).GetProperty("id").GetInt64();
        _routerId = (await PostAsync($"/api/v1/admin/empresas/{_empresaId}/routers", token,
            new { nombre = "R", tipo = "mikrotik", host = "192.0.2.1", usuario = "api", password = "router-secret" })).GetProperty("id").GetInt64();
        var key = await PostAsync($"/api/v1/admin/routers/{_routerId}/api-keys", token, new { });
        (_keyId, _apiKey) = (key.GetProperty("id").GetString()!, key.GetProperty("api_key").GetString()!);
    }

    private async Task<JsonElement> PostAsync(string path, string? token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
