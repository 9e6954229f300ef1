using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.DevHost.Storage;
using Hotspot.Simulators.Payments;
using Hotspot.Simulators.RouterOs;
using Hotspot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Benchmarks.Sales;

/// <summary>
/// 500 purchases at once against the DevHost on Azurite, the RouterOS simulator (every reply 20 ms late) and the payment
/// simulator with every webhook sent twice: all created through <c>POST /api/v1/compras</c>, all paid at once (half
/// Mercado Pago, half Stripe), then each purchase's portal polls <c>GET /api/v1/compras/{id}</c> until it is provisioned.
/// Counts purchases provisioned, router users per purchase (at most one) and <c>/ip/hotspot/user/add</c> sentences, and
/// the time from payment to provisioned.
/// <c>dotnet run -c Release --project Hotspot.Benchmarks -- purchase-load [purchases]</c>
/// </summary>
public static class PurchaseLoadRun
{
    private const int InFlight = 100;
    private const string Admin = "root@bench.test";
    private const string AdminPassword = "bench-password-123";

    public static async Task<int> RunAsync(int purchases)
    {
        await using var azurite = await LocalAzurite.StartAsync();
        await using var router = RouterOsSimulator.Start(new RouterOsSimulatorOptions { Password = "bench" });
        await using var payments = await PaymentSimulator.StartAsync(new PaymentSimulatorOptions { Accounts = [] }, CancellationToken.None);
        await using var host = await RunningDevHost.StartAsync(new Dictionary<string, string?>
        {
            ["Hotspot:Storage:ConnectionString"] = azurite.ConnectionString, ["Hotspot:Storage:TablePrefix"] = RunningDevHost.NewTablePrefix(),
            ["Hotspot:Auth:BcryptCost"] = "4", ["Hotspot:Bootstrap:AdminEmail"] = Admin, ["Hotspot:Bootstrap:AdminPassword"] = AdminPassword,
            ["JWT_SESSION_SECRET"] = "bench-session-secret-0123456789abcdef0123", ["JWT_APIKEY_SECRET"] = "bench-apikey-secret-0123456789abcdef0123",
            ["Hotspot:Payments:MercadoPagoApiBase"] = payments.ApiBaseUrl.ToString(), ["Hotspot:Payments:StripeApiBase"] = payments.ApiBaseUrl.ToString(),
            ["Hotspot:Payments:StripeConnectBase"] = payments.ApiBaseUrl.ToString(), ["Hotspot:Payments:RequestTimeout"] = "00:00:30",
            ["Hotspot:Ventas:ProviderPollSeconds"] = "2", ["Logging:LogLevel:Default"] = "Warning",
        });
        var baseAddress = host.Client.BaseAddress!;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        using var control = new HttpClient { BaseAddress = payments.ControlUrl, Timeout = TimeSpan.FromSeconds(60) };
        var (apiKey, productoId) = await SetUpAsync(http, control, router);
        router.Faults.LatencyMs = 20;
        (await control.PostAsJsonAsync("/faults", new { target = "webhook", mode = "duplicate", count = purchases * 4 })).EnsureSuccessStatusCode();

        using var gate = new SemaphoreSlim(InFlight);
        var clock = Stopwatch.StartNew();
        var created = await Task.WhenAll(Enumerable.Range(0, purchases).Select(i => Gated(gate, () => CreateAsync(http, apiKey, productoId, i))));
        var createdIn = clock.Elapsed;
        var paidAt = new ConcurrentDictionary<string, long>();
        await Task.WhenAll(created.Select(c => Gated(gate, async () =>
        {
            paidAt[c.Id] = Stopwatch.GetTimestamp();
            (await control.PostAsJsonAsync($"/checkouts/{Uri.EscapeDataString(c.CheckoutId)}/pay", new { outcome = "approve" })).EnsureSuccessStatusCode();
            return true;
        })));
        var waits = await Task.WhenAll(created.Select(c => Gated(gate, () => UntilProvisionedAsync(http, apiKey, c, paidAt[c.Id]))));
        clock.Stop();

        // The simulator sends webhooks one at a time: let every copy arrive before counting users, so that a duplicate
        // that comes after its purchase was provisioned is counted too.
        var webhooks = await AllWebhooksDeliveredAsync(control, purchases * 2);

        var users = router.State.Snapshot()["/ip/hotspot/user"];
        var perPurchase = created.Select(c => users.Count(u => u.TryGetValue("comment", out var comment) && comment.Split(" ").Any(w => w == "COMPRA=" + c.Id))).ToList();
        var adds = router.Sentences.All().Count(s => s.Words.Count > 0 && s.Words[0] == "/ip/hotspot/user/add");
        var provisioned = waits.Count(w => w.Provisioned);
        var latencies = waits.Where(w => w.Provisioned).Select(w => w.Elapsed.TotalMilliseconds).Order().ToList();
        var timing = latencies.Count == 0 ? "n/a"
            : FormattableString.Invariant($"p50 {latencies[latencies.Count / 2]:0} ms, p95 {latencies[latencies.Count * 95 / 100]:0} ms, max {latencies[^1]:0} ms");
        Console.WriteLine(FormattableString.Invariant(
            $"{purchases} purchases ({InFlight} requests in flight, every webhook sent twice: {webhooks} deliveries answered, 20 ms per router reply) in {clock.Elapsed.TotalSeconds:0.0} s (created in {createdIn.TotalSeconds:0.0} s): {provisioned} provisioned, {perPurchase.Count(n => n > 1)} with more than one router user, {perPurchase.Count(n => n == 0)} with none, {adds} user adds; payment to provisioned as the portal saw it: {timing}"));
        return provisioned == purchases && perPurchase.All(n => n == 1) ? 0 : 1;
    }

    /// <summary>Deliveries answered by the DevHost, once at least <paramref name="expected"/> were (or after 5 minutes).</summary>
    private static async Task<int> AllWebhooksDeliveredAsync(HttpClient control, int expected)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var answered = JsonDocument.Parse(await control.GetStringAsync(new Uri("/webhooks", UriKind.Relative))).RootElement.EnumerateArray()
                .Count(d => d.GetProperty("outcome").GetString() is "delivered" or "refused");
            if (answered >= expected || Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(5))
            {
                return answered;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<T> Gated<T>(SemaphoreSlim gate, Func<Task<T>> work)
    {
        await gate.WaitAsync();
        try
        {
            return await work();
        }
        finally
        {
            gate.Release();
        }
    }

    private static readonly string[] BenchLoginHosts = ["hotspot.bench"];

    private sealed record Created(string Id, string Token, string CheckoutId);

    private static async Task<(string ApiKey, string ProductoId)> SetUpAsync(HttpClient http, HttpClient control, RouterOsSimulator router)
    {
        var token = (await PostAsync(http, "/api/v1/auth/login", null, new { email = Admin, password = AdminPassword })).GetProperty("access_token").GetString()!;
        var empresa = (await PostAsync(http, "/api/v1/admin/empresas", token, new { nombre = "Bench" })).GetProperty("id").GetInt64();
        var routerId = (await PostAsync(http, $"/api/v1/admin/empresas/{empresa}/routers", token,
            new { nombre = "Bench", tipo = "mikrotik", host = "127.0.0.1", puerto = router.ApiPort, usuario = "admin", password = "bench", hosts_login = BenchLoginHosts })).GetProperty("id").GetInt64();
        var apiKey = (await PostAsync(http, $"/api/v1/admin/routers/{routerId}/api-keys", token, null)).GetProperty("api_key").GetString()!;
        var productoId = (await PostAsync(http, $"/api/v1/admin/routers/{routerId}/productos", token,
            new { nombre_venta = "1 hora", precio = 15.00m, moneda = "MXN", tiempo_segundos = 3600 })).GetProperty("id").GetString()!;
        foreach (var (proveedor, key, secret, stripe) in new[] { ("mercado_pago", "APP_USR-bench", "mp-bench-secret", false), ("stripe", "sk_test_bench", "whsec_bench", true) })
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/admin/empresas/{empresa}/pagos/{proveedor}") { Content = JsonContent.Create(new { api_key = key, webhook_secret = secret }) };
            put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var configured = await http.SendAsync(put);
            configured.EnsureSuccessStatusCode();
            var url = JsonDocument.Parse(await configured.Content.ReadAsStringAsync()).RootElement.GetProperty("webhook_url").GetString();
            (await control.PostAsJsonAsync("/accounts", new { provider = proveedor, api_key = key, webhook_secret = secret, webhook_url = stripe ? url : null })).EnsureSuccessStatusCode();
        }

        return (apiKey, productoId);
    }

    private static async Task<Created> CreateAsync(HttpClient http, string apiKey, string productoId, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/compras")
        {
            Content = JsonContent.Create(new
            {
                producto_id = productoId, proveedor = i % 2 == 0 ? "mercado_pago" : "stripe", url_login = "http://hotspot.bench/login",
                mac_cliente = string.Create(CultureInfo.InvariantCulture, $"02:00:00:00:{i / 256:X2}:{i % 256:X2}"),
            }),
        };
        request.Headers.Add("X-API-Key", apiKey);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /compras answered {(int)response.StatusCode}: {text}");
        }

        var body = JsonDocument.Parse(text).RootElement;
        var url = new Uri(body.GetProperty("pago").GetProperty("url_pago").GetString()!);
        return new Created(body.GetProperty("id_compra").GetString()!, body.GetProperty("token_consulta").GetString()!, Uri.UnescapeDataString(url.Segments[^1]));
    }

    /// <summary>What a portal does after the buyer paid: poll the purchase, backing off from 250 ms to 2 s, for at most 3 minutes.</summary>
    private static async Task<(bool Provisioned, TimeSpan Elapsed)> UntilProvisionedAsync(HttpClient http, string apiKey, Created compra, long paidAt)
    {
        var wait = TimeSpan.FromMilliseconds(250);
        while (Stopwatch.GetElapsedTime(paidAt) < TimeSpan.FromMinutes(3))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/compras/{compra.Id}");
            request.Headers.Add("X-API-Key", apiKey);
            request.Headers.Add("X-Compra-Token", compra.Token);
            using var response = await http.SendAsync(request);
            if (response.IsSuccessStatusCode
                && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("estado").GetString() == "provisionada")
            {
                return (true, Stopwatch.GetElapsedTime(paidAt));
            }

            await Task.Delay(wait);
            wait = TimeSpan.FromMilliseconds(Math.Min(2000, wait.TotalMilliseconds * 2));
        }

        return (false, Stopwatch.GetElapsedTime(paidAt));
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, string? token, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
    }
}
