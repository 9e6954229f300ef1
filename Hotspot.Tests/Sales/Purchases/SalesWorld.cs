using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Sales.Purchases;
using Hotspot.Sales.Purchases.Engine;
using Hotspot.Simulators.Payments;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.RouterOs;
using Hotspot.Tests.Tenancy;
using Hotspot.Tests.Unifi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Sales.Purchases;

/// <summary>
/// Everything a sale touches, real and over the wire: the DevHost on Azurite, a company whose MikroTik router is the
/// RouterOS simulator, a product of one hour, and the payment simulator holding the company's Mercado Pago and Stripe
/// accounts, configured through the admin API. Webhooks go from the simulator to the DevHost over HTTP.
/// </summary>
internal sealed class SalesWorld : IAsyncDisposable
{
    public const string Profile = "5Mbps-1hora";
    public const string LoginUrl = "http://hotspot.cafe/login";

    private SalesWorld(RunningRouter router, PaymentSimulator payments, TenancyHost host, PurchaseProbe probe, CapturedLogs logs)
    {
        Router = router;
        Payments = payments;
        Host = host;
        Probe = probe;
        Logs = logs;
        Control = new HttpClient { BaseAddress = payments.ControlUrl, Timeout = TimeSpan.FromSeconds(30) };
        Browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public RunningRouter Router { get; }

    public PaymentSimulator Payments { get; }

    public TenancyHost Host { get; }

    public PurchaseProbe Probe { get; }

    public CapturedLogs Logs { get; }

    public HttpClient Control { get; }

    public HttpClient Browser { get; }

    public string RootToken { get; private set; } = "";

    public long EmpresaId { get; private set; }

    public long RouterId { get; private set; }

    public string ApiKey { get; private set; } = "";

    public string ProductoId { get; private set; } = "";

    /// <summary>A RADIUS router's NAS-Identifier, from its create answer.</summary>
    public string? RadiusNasIdentifier { get; private set; }

    /// <summary>The company's provider credentials, which must never appear in an answer or a log.</summary>
    public IReadOnlyList<string> Secrets { get; private set; } = [];

    /// <param name="radius">The router is in RADIUS mode: created without connection settings (the simulator is never told of it).</param>
    /// <param name="routerBody">The admin body of another kind of router (a UniFi console): the RouterOS simulator is then unused, and the product names no profile.</param>
    public static async Task<SalesWorld> StartAsync(
        AzuriteFixture azurite, int routerLatencyMs = 0, Dictionary<string, string?>? settings = null, bool radius = false, object? routerBody = null)
    {
        var router = RunningRouter.Start(configure: o => o with { LatencyMs = routerLatencyMs });
        var payments = await PaymentSimulator.StartAsync(new PaymentSimulatorOptions { Accounts = [] }, CancellationToken.None);
        var probe = new PurchaseProbe();
        var logs = new CapturedLogs();
        settings ??= [];
        settings["Hotspot:Payments:MercadoPagoApiBase"] = payments.ApiBaseUrl.ToString();
        settings["Hotspot:Payments:StripeApiBase"] = payments.ApiBaseUrl.ToString();
        settings["Hotspot:Payments:StripeConnectBase"] = payments.ApiBaseUrl.ToString();
        settings.TryAdd("Hotspot:Ventas:ProviderPollSeconds", "0");
        var host = await TenancyHost.StartAsync(azurite, settings, services => services.AddSingleton<IPurchaseStepObserver>(probe).AddLogging(b => b.AddProvider(logs)));
        var world = new SalesWorld(router, payments, host, probe, logs);
        await world.SetUpAsync(radius, routerBody);
        return world;
    }

    private async Task SetUpAsync(bool radius, object? otherRouter)
    {
        if (!radius && otherRouter is null)
        {
            var client = await Router.ConnectAsync();
            await client.AddHotspotUserProfileAsync(new NewHotspotUserProfile(Profile), default);
        }

        RootToken = await Host.LoginRootAsync();
        EmpresaId = await Host.CreateEmpresaAsync(RootToken, "Cafe " + Guid.NewGuid().ToString("N")[..6]);
        var routerBody = otherRouter ?? (radius
            ? (object)new { nombre = "Lobby", tipo = "mikrotik", conexion = "radius", hosts_login = new[] { new Uri(LoginUrl).Host } }
            : new
            {
                nombre = "Lobby", tipo = "mikrotik", host = "127.0.0.1", puerto = Router.Simulator.ApiPort, usuario = "admin", password = RunningRouter.Password,
                hosts_login = new[] { new Uri(LoginUrl).Host },
            });
        var created = await Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{EmpresaId}/routers", RootToken, routerBody);
        RouterId = created.GetProperty("id").GetInt64();
        RadiusNasIdentifier = radius ? created.GetProperty("radius").GetProperty("nas_identifier").GetString() : null;
        // The portal's pages hold this key, so it is the published scope.
        (_, ApiKey) = await Host.IssueApiKeyAsync(RootToken, RouterId, Hotspot.Auth.KeyScopes.PortalName);
        ProductoId = (await Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/routers/{RouterId}/productos", RootToken, new
        {
            nombre_venta = "1 hora", precio = 15.00m, moneda = "MXN", tiempo_segundos = 3600, perfil_mikrotik_nombre = otherRouter is null ? Profile : null,
        })).GetProperty("id").GetString()!;
        var unique = Guid.NewGuid().ToString("N")[..12];
        var (mpToken, mpSecret, stripeKey, stripeSecret) = ($"APP_USR-{unique}", $"mp-secret-{unique}", $"sk_test_{unique}", $"whsec_{unique}");
        Secrets = [mpToken, mpSecret, stripeKey, stripeSecret];
        await ConfigureAsync("mercado_pago", mpToken, mpSecret, webhookToSimulator: false);
        await ConfigureAsync("stripe", stripeKey, stripeSecret, webhookToSimulator: true);
    }

    /// <summary>
    /// The operator sets the company's credentials through the admin API and pastes the webhook URL it answers into the
    /// provider's dashboard (Stripe); Mercado Pago is told per checkout (notification_url).
    /// </summary>
    private async Task ConfigureAsync(string proveedor, string apiKey, string secret, bool webhookToSimulator)
    {
        var configured = await Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/empresas/{EmpresaId}/pagos/{proveedor}", RootToken,
            new { api_key = apiKey, webhook_secret = secret });
        var webhookUrl = configured.GetProperty("webhook_url").GetString()!;
        using var account = await Control.PostAsJsonAsync("/accounts", new { provider = proveedor, api_key = apiKey, webhook_secret = secret, webhook_url = webhookToSimulator ? webhookUrl : null });
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);
    }

    public PurchaseReconciler Reconciler => Host.Host.Services.GetRequiredService<PurchaseReconciler>();

    public static object Order(string proveedor = "mercado_pago", string mac = "AA:BB:CC:DD:EE:FF", bool conexionAutomatica = false, string? productoId = null) => new
    {
        producto_id = productoId, proveedor, mac_cliente = mac, ip_cliente = "10.5.50.23", email_cliente = "ana@example.com", nombre_cliente = "Ana López",
        conexion_automatica = conexionAutomatica, url_login = LoginUrl, dst = "http://example.com/",
    };

    public async Task<HttpResponseMessage> PostCompraAsync(object body, string? idempotencyKey, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/compras") { Content = body is string raw ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body) };
        request.Headers.Add("X-API-Key", apiKey ?? ApiKey);
        if (idempotencyKey is not null)
        {
            request.Headers.Add(CompraEndpoints.IdempotencyKeyHeader, idempotencyKey);
        }

        return await Host.Host.Client.SendAsync(request);
    }

    /// <summary>Starts a purchase of the world's product and answers the 201's body.</summary>
    public async Task<Compra> BuyAsync(string proveedor = "mercado_pago", string mac = "AA:BB:CC:DD:EE:FF", bool conexionAutomatica = false)
    {
        using var response = await PostCompraAsync(WithProduct(Order(proveedor, mac, conexionAutomatica)), Guid.NewGuid().ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return Compra.From(JsonDocument.Parse(text).RootElement.Clone());
    }

    public object WithProduct(object order)
    {
        var json = JsonSerializer.SerializeToNode(order)!.AsObject();
        json["producto_id"] = ProductoId;
        return json;
    }

    /// <summary>The buyer's choice on the provider's page (approve, reject, pending, cancel), made through the simulator's control port.</summary>
    public async Task<JsonElement> PayAsync(Compra compra, string outcome)
    {
        using var response = await Control.PostAsJsonAsync($"/checkouts/{Uri.EscapeDataString(compra.CheckoutId)}/pay", new { outcome });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> ControlAsync(string path, object? body = null)
    {
        using var response = await Control.PostAsJsonAsync(path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> GetCompraAsync(string id, string? token, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/compras/{id}");
        request.Headers.Add("X-API-Key", apiKey ?? ApiKey);
        if (token is not null)
        {
            request.Headers.Add(CompraEndpoints.ConsultTokenHeader, token);
        }

        return await Host.Host.Client.SendAsync(request);
    }

    public async Task<JsonElement> PollAsync(Compra compra)
    {
        using var response = await GetCompraAsync(compra.Id, compra.Token);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The router's hotspot users that carry the purchase's marker (the base and any clones).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> UsersOf(string compraId) =>
        [.. Router.State.Snapshot()["/ip/hotspot/user"].Where(u => u.TryGetValue("comment", out var c) && c.Split(' ').Contains("COMPRA=" + compraId))];

    public int UserAdds() => Router.Simulator.Sentences.All().Count(s => s.Words.Count > 0 && s.Words[0] == "/ip/hotspot/user/add");

    /// <summary>The product's clock moves on (leases lapse, retries fall due), then the reconciler timer runs once.</summary>
    public async Task RunTimerAsync(TimeSpan? after = null)
    {
        Host.Clock.Advance(after ?? TimeSpan.FromMinutes(2));
        await Reconciler.RunAsync(CancellationToken.None);
    }

    /// <summary>The router stops answering: open connections die, new ones are refused.</summary>
    public void RouterDown()
    {
        Router.Simulator.RefuseConnections(true);
        Router.Simulator.Faults.FatalNext = "simulated outage";
    }

    public void RouterUp()
    {
        Router.Simulator.Faults.FatalNext = null;
        Router.Simulator.RefuseConnections(false);
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        Browser.Dispose();
        await Host.DisposeAsync();
        await Payments.DisposeAsync();
        await Router.DisposeAsync();
    }
}

/// <summary>What the portal keeps of a purchase it started.</summary>
internal sealed record Compra(string Id, string Token, string CheckoutId, Uri UrlPago, JsonElement Body)
{
    public static Compra From(JsonElement body)
    {
        var url = new Uri(body.GetProperty("pago").GetProperty("url_pago").GetString()!);
        return new Compra(body.GetProperty("id_compra").GetString()!, body.GetProperty("token_consulta").GetString()!,
            Uri.UnescapeDataString(url.Segments[^1]), url, body);
    }
}
