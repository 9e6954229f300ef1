using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Drivers;
using Hotspot.Simulators.Payments;
using Hotspot.Simulators.Unifi;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Unifi;

/// <summary>
/// A venue that sells on its UniFi guest page: the DevHost (Azurite) with a company whose UniFi router is the UniFi
/// simulator over HTTPS, its Mercado Pago and Stripe accounts at the payment simulator (set as an operator does, over
/// the admin REST), and two products: an hour for $15.00 MXN and "Ultra", whose download limit the controller refuses
/// (it cannot be activated: the purchase needs an operator).
/// </summary>
public sealed class UnifiShop : IAsyncDisposable
{
    public const string ControllerKey = "shop-key-5e1f";
    public const string Ssid = "dph-guest";
    public const string Original = "http://netcts.cdn-apple.com/";

    private UnifiShop(UnifiSimulator simulator, PaymentSimulator payments, RunningDevHost host, long empresaId, long routerId, string hora, string ultra)
    {
        Simulator = simulator;
        Payments = payments;
        Host = host;
        EmpresaId = empresaId;
        RouterId = routerId;
        HoraId = hora;
        UltraId = ultra;
    }

    public UnifiSimulator Simulator { get; }

    public PaymentSimulator Payments { get; }

    public RunningDevHost Host { get; }

    public long EmpresaId { get; }

    public long RouterId { get; }

    public string HoraId { get; }

    public string UltraId { get; }

    public Uri BaseAddress => Host.Client.BaseAddress!;

    /// <param name="publicBaseUrl">The API's public address, when not the one it listens on (<c>Hotspot:Ventas:PublicBaseUrl</c>).</param>
    public static async Task<UnifiShop> StartAsync(AzuriteFixture azurite, Uri? publicBaseUrl = null)
    {
        var simulator = await UnifiSimulator.StartAsync(new UnifiSimulatorOptions { ApiKey = ControllerKey }, default);
        var payments = await PaymentSimulator.StartAsync(new PaymentSimulatorOptions { Accounts = [] }, CancellationToken.None);
        var settings = new Dictionary<string, string?>
        {
            ["Hotspot:Payments:MercadoPagoApiBase"] = payments.ApiBaseUrl.ToString(),
            ["Hotspot:Payments:StripeApiBase"] = payments.ApiBaseUrl.ToString(),
            ["Hotspot:Payments:StripeConnectBase"] = payments.ApiBaseUrl.ToString(),
            ["Hotspot:Ventas:ProviderPollSeconds"] = "0",
        };
        if (publicBaseUrl is not null)
        {
            settings["Hotspot:Ventas:PublicBaseUrl"] = publicBaseUrl.AbsoluteUri;
        }

        var host = await AdminSession.StartAsync(azurite, settings);
        var empresa = await AdminSession.PostAsync(host, "/api/v1/admin/empresas", new { nombre = "Café " + Guid.NewGuid().ToString("N")[..6] });
        var empresaId = empresa.GetProperty("id").GetInt64();
        var router = await AdminSession.PostAsync(host, $"/api/v1/admin/empresas/{empresaId}/routers", AdminSession.UnifiRouter(simulator, ControllerKey));
        var routerId = router.GetProperty("id").GetInt64();
        var hora = await AdminSession.PostAsync(host, $"/api/v1/admin/routers/{routerId}/productos", new
        {
            nombre_venta = "1 hora", descripcion = "Internet por una hora", precio = 15.00m, moneda = "MXN", tiempo_segundos = 3600, orden_visual = 0, destacado = true,
        });
        var ultra = await AdminSession.PostAsync(host, $"/api/v1/admin/routers/{routerId}/productos", new
        {
            nombre_venta = "Ultra", precio = 50.00m, moneda = "MXN", tiempo_segundos = 3600, orden_visual = 1, limite_bajada_kbps = 200_000,
        });
        foreach (var provider in new[] { "mercado_pago", "stripe" })
        {
            await AddAccountAsync(host, payments, empresaId, provider);
        }

        return new UnifiShop(simulator, payments, host, empresaId, routerId, hora.GetProperty("id").GetString()!, ultra.GetProperty("id").GetString()!);
    }

    /// <summary>The operator enters the company's keys over the admin REST and pastes the webhook URL into the provider.</summary>
    private static async Task AddAccountAsync(RunningDevHost host, PaymentSimulator payments, long empresaId, string provider)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        var (apiKey, secret) = provider == "stripe" ? ($"sk_test_{unique}", $"whsec_{unique}") : ($"TEST-{unique}", $"mp-{unique}");
        using var put = await host.Client.PutAsJsonAsync($"/api/v1/admin/empresas/{empresaId}/pagos/{provider}", new { api_key = apiKey, webhook_secret = secret });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var webhook = JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement.GetProperty("webhook_url").GetString();
        using var control = new HttpClient { BaseAddress = payments.ControlUrl };
        using var account = await control.PostAsJsonAsync("/accounts", new { provider, api_key = apiKey, webhook_secret = secret, webhook_url = provider == "stripe" ? webhook : null });
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);
    }

    /// <summary>The venue's brand, as the operator sets it over the admin REST.</summary>
    public async Task SetBrandAsync(object marca)
    {
        using var put = await Host.Client.PutAsJsonAsync($"/api/v1/admin/empresas/{EmpresaId}/marca", marca);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
    }

    /// <summary>The venue's logo, uploaded as the operator does.</summary>
    public async Task SetLogoAsync(byte[] png)
    {
        using var content = new ByteArrayContent(png);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        using var put = await Host.Client.PutAsync($"/api/v1/admin/empresas/{EmpresaId}/marca/logo", content);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
    }

    /// <summary>UniFi's redirect of a captive device to the page.</summary>
    public string PagePath(MacAddress device) =>
        $"/guest/s/default/?ap=94:2a:6f:d0:30:57&id={device}&t=1742398732&url={Uri.EscapeDataString(Original)}&ssid={Ssid}&router={RouterId}";

    public Uri Page(MacAddress device) => new(BaseAddress, PagePath(device));

    public void Join(MacAddress device) => Simulator.State.Join(device, "default");

    /// <summary>Whether the controller shows the device authorized.</summary>
    public bool IsAuthorized(MacAddress device) =>
        Simulator.State.Clients(Simulator.State.AddSite("default"), withAuthorization: true).Any(c => MacAddress.Parse(c.MacAddress) == device && c.Access.Authorized);

    /// <summary>The purchases of the company (as the admin API lists them).</summary>
    public async Task<JsonElement[]> PurchasesAsync()
    {
        var list = JsonDocument.Parse(await Host.Client.GetStringAsync($"/api/v1/admin/compras?empresa_id={EmpresaId}")).RootElement;
        var items = list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items");
        return [.. items.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>A cash payment is credited (or fails) at the provider, as the simulator's control port lets a test say.</summary>
    public async Task SettleAsync(string checkoutId, bool paid)
    {
        using var control = new HttpClient { BaseAddress = Payments.ControlUrl };
        var state = JsonDocument.Parse(await control.GetStringAsync("/state")).RootElement;
        var payment = state.GetProperty("payments").EnumerateArray().Last(p => p.GetProperty("checkout_id").GetString() == checkoutId).GetProperty("id").GetString();
        using var settled = await control.PostAsJsonAsync($"/payments/{payment}/settle", new { paid });
        settled.EnsureSuccessStatusCode();
    }

    /// <summary>Pays a checkout as its hosted page's button would; returns where the provider sends the buyer back.</summary>
    public async Task<Uri> PayAsync(string checkoutId, string outcome)
    {
        using var control = new HttpClient { BaseAddress = Payments.ControlUrl };
        using var paid = await control.PostAsJsonAsync($"/checkouts/{checkoutId}/pay", new { outcome });
        paid.EnsureSuccessStatusCode();
        return new Uri(JsonDocument.Parse(await paid.Content.ReadAsStringAsync()).RootElement.GetProperty("redirect").GetString()!);
    }

    /// <summary>The payment simulator's clock moves on (checkouts expire).</summary>
    public async Task AdvanceProviderClockAsync(TimeSpan by)
    {
        using var control = new HttpClient { BaseAddress = Payments.ControlUrl };
        using var advanced = await control.PostAsJsonAsync("/clock/advance", new { seconds = (int)by.TotalSeconds });
        advanced.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Payments.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
