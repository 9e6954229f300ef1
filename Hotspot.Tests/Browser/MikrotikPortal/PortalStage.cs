using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Simulators.Payments;
using Hotspot.Simulators.RouterOs.Gateway;
using Hotspot.Tests.Deploy;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Portal;
using Hotspot.Tests.RouterOs;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.Browser.MikrotikPortal;

/// <summary>
/// The reference MikroTik portal as a guest meets it: the DevHost API (Azurite), a simulated router whose hotspot
/// gateway serves <c>portal/mikrotik/</c> as <c>http://hotspot.test</c> with the config.js the admin API made for it,
/// and one headless Chromium on a phone-sized screen that resolves <c>hotspot.test</c> and <c>example.test</c> (the
/// internet, as far as the guest knows) to the gateway. Started once per test class; each test uses its own devices.
/// </summary>
internal sealed class PortalStage : IAsyncDisposable
{
    public const string Origin = "http://hotspot.test";
    public const string Internet = "http://example.test/";
    public const string Profile = "5Mbps-1hora";

    private PortalStage(RunningRouter router, RouterOsConnection client, KeyedRouter keyed, HotspotGateway gateway, HeadlessChromium browser, string portalDirectory, PaymentSimulator payments)
    {
        Payments = payments;
        Router = router;
        Client = client;
        Keyed = keyed;
        Gateway = gateway;
        Browser = browser;
        PortalDirectory = portalDirectory;
    }

    public RunningRouter Router { get; }

    /// <summary>The payment providers (Stripe and Mercado Pago as the payment simulator plays them).</summary>
    public PaymentSimulator Payments { get; }

    /// <summary>A RouterOS API connection to the simulated router, to set up users and read sessions.</summary>
    public RouterOsConnection Client { get; }

    public KeyedRouter Keyed { get; }

    public TenancyHost Host => Keyed.Host;

    public HotspotGateway Gateway { get; }

    public HeadlessChromium Browser { get; }

    /// <summary>A copy of portal/mikrotik/, where config.js is the router's.</summary>
    public string PortalDirectory { get; }

    public static async Task<PortalStage> StartAsync(AzuriteFixture azurite)
    {
        var router = RunningRouter.Start();
        var payments = await PaymentSimulator.StartAsync(new PaymentSimulatorOptions { Accounts = [] }, CancellationToken.None);
        var host = await TenancyHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Hotspot:Cors:AllowedOrigins"] = Origin,
            ["Hotspot:Payments:MercadoPagoApiBase"] = payments.ApiBaseUrl.ToString(),
            ["Hotspot:Payments:StripeApiBase"] = payments.ApiBaseUrl.ToString(),
            ["Hotspot:Payments:StripeConnectBase"] = payments.ApiBaseUrl.ToString(),
            ["Hotspot:Ventas:ProviderPollSeconds"] = "0",
        });
        var keyed = await KeyedRouter.CreateAsync(host, new
        {
            nombre = "Café Centro", tipo = "mikrotik", host = "127.0.0.1", puerto = router.Simulator.ApiPort, usuario = "admin", password = RunningRouter.Password,
            hosts_login = new[] { "hotspot.test" },
        });
        var client = await router.ConnectAsync();
        await client.AddHotspotUserProfileAsync(new NewHotspotUserProfile(Profile), CancellationToken.None);
        await SellAnHourAsync(keyed, payments);

        var portal = Directory.CreateTempSubdirectory("hotspot-portal-").FullName;
        foreach (var file in Directory.GetFiles(RepositoryFolder("portal", "mikrotik")))
        {
            File.Copy(file, Path.Combine(portal, Path.GetFileName(file)));
        }

        var gateway = await HotspotGateway.StartAsync(router.Simulator, new HotspotGatewayOptions { PortalDirectory = portal, DnsName = "hotspot.test" });
        var rules = $"MAP hotspot.test 127.0.0.1:{gateway.Url.Port},MAP example.test 127.0.0.1:{gateway.Url.Port}";
        var browser = await HeadlessChromium.StartAsync($"--host-resolver-rules={rules}");
        await browser.SendAsync("Page.enable");
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 360, height = 740, deviceScaleFactor = 2, mobile = true });
        var stage = new PortalStage(router, client, keyed, gateway, browser, portal, payments);
        await stage.WriteConfigAsync();
        return stage;
    }

    /// <summary>
    /// The router sells one hour, paid with Stripe: the operator enters the company's Stripe keys through the admin API
    /// and pastes the webhook URL it answers into the provider (here, the simulator's account).
    /// </summary>
    private static async Task SellAnHourAsync(KeyedRouter keyed, PaymentSimulator payments)
    {
        var host = keyed.Host;
        var router = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, keyed.RouterPath, keyed.RootToken);
        var empresaId = router.GetProperty("empresa_id").GetInt64();
        await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{keyed.RouterPath}/productos", keyed.RootToken, new
        {
            nombre_venta = "1 hora", descripcion = "Internet por una hora", precio = 15.00m, moneda = "MXN", tiempo_segundos = 3600,
            perfil_mikrotik_nombre = Profile, orden_visual = 0, destacado = true,
        });
        var unique = Guid.NewGuid().ToString("N")[..12];
        var (secretKey, webhookSecret) = ($"sk_test_{unique}", $"whsec_{unique}");
        var configured = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/empresas/{empresaId}/pagos/stripe", keyed.RootToken,
            new { api_key = secretKey, webhook_secret = webhookSecret });
        using var control = new HttpClient { BaseAddress = payments.ControlUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var account = await control.PostAsJsonAsync("/accounts", new { provider = "stripe", api_key = secretKey, webhook_secret = webhookSecret, webhook_url = configured.GetProperty("webhook_url").GetString() });
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);
    }

    /// <summary>
    /// Writes the router's config.js as an operator would: downloaded from the admin API, a new portal key of the router
    /// (the scope that may be published) pasted over the placeholder; optionally another API address (one that does not answer) and a fixed language.
    /// </summary>
    public async Task<string> WriteConfigAsync(Uri? api = null, string? idioma = null)
    {
        using var response = await Host.SendAsync(HttpMethod.Get, $"{Keyed.RouterPath}/portal/config.js", Keyed.RootToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, portalKey) = await Host.IssueApiKeyAsync(Keyed.RootToken, Keyed.RouterId, Hotspot.Auth.KeyScopes.PortalName);
        var script = (await response.Content.ReadAsStringAsync()).Replace("PEGUE_AQUI_LA_API_KEY_PORTAL_DEL_ROUTER", portalKey, StringComparison.Ordinal);
        if (api is not null)
        {
            script = script.Replace(JsonSerializer.Serialize(Host.Host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority)), JsonSerializer.Serialize(api.GetLeftPart(UriPartial.Authority)), StringComparison.Ordinal);
        }

        if (idioma is not null)
        {
            script = script.Replace("\"idioma\": \"auto\"", $"\"idioma\": \"{idioma}\"", StringComparison.Ordinal);
        }

        await File.WriteAllTextAsync(Path.Combine(PortalDirectory, "config.js"), script);
        return script;
    }

    /// <summary>The router's company, as the admin API reports it.</summary>
    public async Task<long> EmpresaIdAsync() =>
        (await Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Keyed.RouterPath, Keyed.RootToken)).GetProperty("empresa_id").GetInt64();

    /// <summary>The operator sets the company's brand over the admin API (config.js must be downloaded again to carry it).</summary>
    public async Task SetBrandAsync(object marca) =>
        await Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/empresas/{await EmpresaIdAsync()}/marca", Keyed.RootToken, marca);

    /// <summary>The operator uploads the company's logo; returns its logo_url.</summary>
    public async Task<string> SetLogoAsync(byte[] image, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/admin/empresas/{await EmpresaIdAsync()}/marca/logo") { Content = new ByteArrayContent(image) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Keyed.RootToken);
        using var response = await Host.Host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("logo_url").GetString()!;
    }

    /// <summary>The language the browser asks for (navigator.language and Accept-Language), as a phone set to it would.</summary>
    public async Task BrowserLanguageAsync(string language)
    {
        var version = await Browser.SendAsync("Browser.getVersion");
        await Browser.SendAsync("Emulation.setUserAgentOverride", new { userAgent = version.GetProperty("userAgent").GetString(), acceptLanguage = language });
    }

    /// <summary>The device the browser's next requests come from (a phone on the hotspot network).</summary>
    public void Device(string mac, string ip) => Gateway.SelectDevice(mac, ip);

    /// <summary>A new phone in the captive browser: nothing stored for the portal's origin, on a blank page.</summary>
    public async Task ForgetEverythingAsync()
    {
        await Browser.NavigateAsync(new Uri("about:blank"));
        await Browser.SendAsync("Storage.clearDataForOrigin", new { origin = Origin, storageTypes = "all" });
    }

    /// <summary>What the portal keeps in localStorage at hotspot.test, set as a previous visit left it.</summary>
    public async Task RememberAsync(IReadOnlyDictionary<string, string> items)
    {
        await Browser.NavigateAsync(new Uri(Origin + "/portal.css"));
        foreach (var (key, value) in items)
        {
            await Browser.EvaluateAsync($"localStorage.setItem({JsonSerializer.Serialize(key)}, {JsonSerializer.Serialize(value)})");
        }
    }

    /// <summary>A localStorage item at the page's origin; null when there is none.</summary>
    public Task<string?> StoredAsync(string key) => Browser.EvaluateAsync($"localStorage.getItem({JsonSerializer.Serialize(key)}) ?? undefined");

    /// <summary>The guest opens a web page; the hotspot sends it to the portal until it is logged in.</summary>
    public Task BrowseAsync() => Browser.NavigateAsync(new Uri(Internet));

    /// <summary>Waits until the portal says it is in one of <paramref name="states"/> (body[data-state]); returns that state.</summary>
    public Task<string> StateAsync(params string[] states) => Browser.StateAsync(states);

    /// <summary>Waits, page load by page load, until the browser is at a URL starting with <paramref name="prefix"/>.</summary>
    public Task<string> ArrivedAtAsync(string prefix) => Browser.ArrivedAtAsync(prefix);

    /// <summary>The text of a shown element; null when it is hidden or missing.</summary>
    public Task<string?> TextAsync(string id) => Browser.TextOfIdAsync(id);

    /// <summary>Keeps what the guest sees as TestResults/screenshots/<paramref name="name"/>.png at the repository root.</summary>
    public Task ScreenshotAsync(string name) => Browser.ScreenshotAsync(name);

    /// <summary>The device's live session on the router (user and how it logged in), or null.</summary>
    public async Task<HotspotActiveSession?> SessionOfAsync(string mac) =>
        (await Client.GetHotspotActiveAsync(null, CancellationToken.None)).SingleOrDefault(s => string.Equals(s.MacAddress, mac, StringComparison.OrdinalIgnoreCase));

    public static string RandomMac()
    {
        // Locally administered, as phones' randomized addresses are (second hex digit 2, 6, A or E).
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(6);
        bytes[0] = (byte)((bytes[0] & 0xFC) | 0x02);
        return string.Join(':', bytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Gateway.DisposeAsync();
        await Host.DisposeAsync();
        await Payments.DisposeAsync();
        await Router.DisposeAsync();
        Directory.Delete(PortalDirectory, recursive: true);
    }

    private static string RepositoryFolder(params string[] parts) => Path.Combine([RepositoryFiles.Root, .. parts]);
}
