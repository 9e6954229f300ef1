using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Simulators.RouterOs;
using Hotspot.Testing;
using Microsoft.AspNetCore.Builder;

namespace Hotspot.Benchmarks.Portal;

/// <summary>The real DevHost over its own Azurite, one MikroTik router on the RouterOS simulator with seed 002's API on, and its key.</summary>
internal sealed class VoucherApiHost : IAsyncDisposable
{
    private const string AdminPassword = "benchmark-password-1";
    private const string RouterPassword = "router-secret";

    private VoucherApiHost(RunningDevHost host, RouterOsSimulator router)
    {
        Host = host;
        Router = router;
    }

    public RunningDevHost Host { get; }

    public WebApplication App => Host.App;

    public HttpClient Client => Host.Client;

    public RouterOsSimulator Router { get; }

    public string ApiKey { get; private set; } = "";

    public static async Task<VoucherApiHost> StartAsync()
    {
        var router = RouterOsSimulator.Start(new RouterOsSimulatorOptions { Password = RouterPassword });
        var devHost = await RunningDevHost.StartAsync(new Dictionary<string, string?>
        {
            ["Hotspot:Auth:BcryptCost"] = "4",
            ["Hotspot:Bootstrap:AdminEmail"] = "bench@hotspot.test",
            ["Hotspot:Bootstrap:AdminPassword"] = AdminPassword,
            ["Hotspot:Storage:TablePrefix"] = "bench" + Guid.NewGuid().ToString("N")[..8],
            ["Logging:LogLevel:Default"] = "Warning",
        });
        devHost.Client.Timeout = TimeSpan.FromSeconds(60);
        var host = new VoucherApiHost(devHost, router);
        await host.SeedAsync();
        return host;
    }

    /// <summary>Creates <paramref name="count"/> vouchers with generated usernames, <paramref name="parallel"/> requests at a time.</summary>
    public Task CreateVouchersAsync(int count, int parallel) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (_, ct) =>
        {
            using var response = await Client.PostAsJsonAsync("/api/", new Dictionary<string, object> { ["api-key"] = ApiKey, ["action"] = "create_voucher" }, ct);
            response.EnsureSuccessStatusCode();
        });

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Router.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        var login = await PostAsync("/api/v1/auth/login", null, new { email = "bench@hotspot.test", password = AdminPassword });
        var token = login.GetProperty("access_token").GetString()!;
        var empresa = (await PostAsync("/api/v1/admin/empresas", token, new { nombre = "Bench" })).GetProperty("id").GetInt64();
        var routerId = (await PostAsync($"/api/v1/admin/empresas/{empresa}/routers", token, new
        {
            nombre = "R", tipo = "mikrotik", host = "127.0.0.1", puerto = Router.ApiPort, usuario = "admin", password = RouterPassword,
            api_acciones = new { habilitada = true, post = true, get = true },
        })).GetProperty("id").GetInt64();
        // The action API (seed 002) takes a secret integration key.
        ApiKey = (await PostAsync($"/api/v1/admin/routers/{routerId}/api-keys", token, new { alcance = "integracion" })).GetProperty("api_key").GetString()!;
    }

    private async Task<JsonElement> PostAsync(string path, string? token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
