using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Simulators.Payments;
using Hotspot.Simulators.RouterOs.Gateway;
using Hotspot.Simulators.RouterOs.Radius;
using Hotspot.Testing;
using Hotspot.Tests.Deploy;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.RouterOs;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.Browser.Radius;

/// <summary>
/// The reference MikroTik portal on a RADIUS router behind NAT: the DevHost API (Azurite), FreeRADIUS with the
/// repository's config calling it, and a simulated RouterOS 7.16 whose hotspot is a RADIUS client of that FreeRADIUS
/// (its identity the router's NAS-Identifier) and whose API port is closed from the start. The router's settings hold
/// no host or port: nothing of ours could connect to it. One headless Chromium on a phone-sized screen.
/// </summary>
internal sealed class RadiusPortalStage : IAsyncDisposable
{
    public const string Origin = "http://hotspot.test";
    public const string Internet = "http://example.test/";
    private const string RestSecret = "rest-secret-of-the-browser-stage-77";
    private const string UdpSecret = "udp-secret-browser-31c";

    private RadiusPortalStage(TenancyHost host, string root, long routerId, RunningFreeRadius radius, RunningRouter router, HotspotGateway gateway, HeadlessChromium browser, string portal, PaymentSimulator payments)
    {
        Host = host;
        RootToken = root;
        RouterId = routerId;
        Radius = radius;
        Router = router;
        Gateway = gateway;
        Browser = browser;
        PortalDirectory = portal;
        Payments = payments;
    }

    public TenancyHost Host { get; }

    public string RootToken { get; }

    public long RouterId { get; }

    public RunningFreeRadius Radius { get; }

    public RunningRouter Router { get; }

    public HotspotRadiusClient RadiusClient => Router.Simulator.Radius!;

    public HotspotGateway Gateway { get; }

    public HeadlessChromium Browser { get; }

    public string PortalDirectory { get; }

    public PaymentSimulator Payments { get; }

    public static async Task<RadiusPortalStage> StartAsync(AzuriteFixture azurite)
    {
        var payments = await PaymentSimulator.StartAsync(new PaymentSimulatorOptions { Accounts = [] }, CancellationToken.None);
        var host = await TenancyHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Hotspot:Cors:AllowedOrigins"] = Origin,
            ["Hotspot:Payments:StripeApiBase"] = payments.ApiBaseUrl.ToString(),
            ["Hotspot:Payments:StripeConnectBase"] = payments.ApiBaseUrl.ToString(),
            ["Hotspot:Payments:MercadoPagoApiBase"] = payments.ApiBaseUrl.ToString(),
            ["Hotspot:Ventas:ProviderPollSeconds"] = "0",
            ["Hotspot:Radius:RestSecret"] = RestSecret,
        });
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Playa " + Guid.NewGuid().ToString("N")[..6]);
        var created = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            new { nombre = "Palapa", tipo = "mikrotik", conexion = "radius", hosts_login = new[] { "hotspot.test" } });
        var routerId = created.GetProperty("id").GetInt64();
        var radius = await RunningFreeRadius.StartAsync(host.Host.Client.BaseAddress!, RestSecret, UdpSecret);
        var router = RunningRouter.Start("7.16.1 (stable)", configure: options => options with
        {
            Identity = created.GetProperty("radius").GetProperty("nas_identifier").GetString()!,
            Radius = new RadiusClientSettings
            {
                Address = IPAddress.Loopback, AuthenticationPort = radius.AuthPort, AccountingPort = radius.AcctPort, Secret = UdpSecret,
                Timeout = TimeSpan.FromSeconds(3),
            },
        });
        // Behind NAT: the router's API cannot be opened by anyone.
        router.Simulator.RefuseConnections(true);
        await SellAnHourAsync(host, root, routerId, empresa, payments);

        var portal = Directory.CreateTempSubdirectory("hotspot-radius-portal-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "portal", "mikrotik")))
        {
            File.Copy(file, Path.Combine(portal, Path.GetFileName(file)));
        }

        await WriteConfigAsync(host, root, routerId, portal);
        var gateway = await HotspotGateway.StartAsync(router.Simulator, new HotspotGatewayOptions { PortalDirectory = portal, DnsName = "hotspot.test" });
        var rules = $"MAP hotspot.test 127.0.0.1:{gateway.Url.Port},MAP example.test 127.0.0.1:{gateway.Url.Port}";
        var browser = await HeadlessChromium.StartAsync($"--host-resolver-rules={rules}");
        await browser.SendAsync("Page.enable");
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 360, height = 740, deviceScaleFactor = 2, mobile = true });
        return new RadiusPortalStage(host, root, routerId, radius, router, gateway, browser, portal, payments);
    }

    /// <summary>One hour, paid with Stripe (the payment simulator's account), and no hotspot profile: the router's default applies.</summary>
    private static async Task SellAnHourAsync(TenancyHost host, string root, long routerId, long empresaId, PaymentSimulator payments)
    {
        await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/routers/{routerId}/productos", root, new
        {
            nombre_venta = "1 hora", descripcion = "Internet por una hora", precio = 15.00m, moneda = "MXN", tiempo_segundos = 3600, orden_visual = 0, destacado = true,
        });
        var unique = Guid.NewGuid().ToString("N")[..12];
        var (secretKey, webhookSecret) = ($"sk_test_{unique}", $"whsec_{unique}");
        var configured = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/empresas/{empresaId}/pagos/stripe", root,
            new { api_key = secretKey, webhook_secret = webhookSecret });
        using var control = new HttpClient { BaseAddress = payments.ControlUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var account = await control.PostAsJsonAsync("/accounts", new { provider = "stripe", api_key = secretKey, webhook_secret = webhookSecret, webhook_url = configured.GetProperty("webhook_url").GetString() });
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);
    }

    /// <summary>The router's config.js from the admin API, a portal key pasted over the placeholder.</summary>
    private static async Task WriteConfigAsync(TenancyHost host, string root, long routerId, string portal)
    {
        using var response = await host.SendAsync(HttpMethod.Get, $"/api/v1/admin/routers/{routerId}/portal/config.js", root);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, portalKey) = await host.IssueApiKeyAsync(root, routerId, Hotspot.Auth.KeyScopes.PortalName);
        var script = (await response.Content.ReadAsStringAsync())
            .Replace("PEGUE_AQUI_LA_API_KEY_PORTAL_DEL_ROUTER", portalKey, StringComparison.Ordinal)
            .Replace("\"idioma\": \"auto\"", "\"idioma\": \"es\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(portal, "config.js"), script);
    }

    /// <summary>The device the browser's next requests come from.</summary>
    public void Device(string mac, string ip) => Gateway.SelectDevice(mac, ip);

    public async Task ForgetEverythingAsync()
    {
        await Browser.NavigateAsync(new Uri("about:blank"));
        await Browser.SendAsync("Storage.clearDataForOrigin", new { origin = Origin, storageTypes = "all" });
    }

    public Task BrowseAsync() => Browser.NavigateAsync(new Uri(Internet));

    /// <summary>A request the device's own system sends (a connectivity check), not the browser: the hotspot may replay its MAC cookie.</summary>
    public async Task DeviceAsksAsync(string mac, string ip)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Gateway.Url };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/status");
        request.Headers.Add(HotspotGateway.MacHeader, mac);
        request.Headers.Add(HotspotGateway.IpHeader, ip);
        using var response = await http.SendAsync(request);
    }

    /// <summary>Waits until the portal says it is in one of <paramref name="states"/> (body[data-state]); returns that state.</summary>
    public Task<string> StateAsync(params string[] states) => Browser.StateAsync(states);

    /// <summary>Waits, page load by page load, until the browser is at a URL starting with <paramref name="prefix"/>.</summary>
    public Task<string> ArrivedAtAsync(string prefix) => Browser.ArrivedAtAsync(prefix);

    /// <summary>The text of a shown element; null when it is hidden or missing.</summary>
    public Task<string?> TextAsync(string id) => Browser.TextOfIdAsync(id);

    /// <summary>Keeps what the guest sees as TestResults/screenshots/<paramref name="name"/>.png at the repository root.</summary>
    public Task ScreenshotAsync(string name) => Browser.ScreenshotAsync(name);

    /// <summary>The device's session as the router lists it in /ip/hotspot/active, or null.</summary>
    public IReadOnlyDictionary<string, string>? SessionOf(string mac) => Router.State.SessionOf(mac);

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Gateway.DisposeAsync();
        await Router.DisposeAsync();
        await Radius.DisposeAsync();
        await Host.DisposeAsync();
        await Payments.DisposeAsync();
        Directory.Delete(PortalDirectory, recursive: true);
    }
}
