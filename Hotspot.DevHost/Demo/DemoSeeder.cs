using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hotspot.Auth;
using Hotspot.Hosting;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Sales.Catalog;
using Hotspot.Sales.Payments;
using Hotspot.Simulators.RouterOs;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Hotspot.DevHost.Demo;

/// <summary>
/// A demo a newcomer can try at once: a RouterOS simulator in this process with a paid RANDMAC user and three devices
/// on its hotspot, a demo company with a router pointing at it, and the commands to try seed 000's flow; a product of
/// one hour on sale and the company's accounts at the in-process payment simulator, with the commands to buy it.
/// </summary>
public sealed class DemoSeeder(
    IServiceProvider services,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string HotspotUser = "AB3C9D";
    public const string HotspotPassword = "4821";
    public const string BuyerMac = "22:33:44:55:66:77";
    public const string BuyerIp = "192.168.88.176";
    public const string DemoLoginUrl = "http://hotspot.demo/login";
    private const string RouterPassword = "demo-router-password";
    private readonly TaskCompletionSource<DemoInfo> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RouterOsSimulator? _simulator;
    private DemoHotspot? _hotspot;
    private DemoUnifi? _unifi;

    /// <summary>What the demo made. <paramref name="ApiKey"/> is the router's portal key (the one config.js publishes);
    /// <paramref name="IntegrationKey"/> its secret key for a portal server (seed 001) and seed 002's action API.</summary>
    public sealed record DemoInfo(
        string BaseUrl, string AdminEmail, string? AdminPassword, long EmpresaId, long RouterId, string ApiKey, string IntegrationKey, string ProductoId,
        RouterOsSimulator Simulator, DemoHotspot Hotspot, DemoPayments Payments)
    {
        /// <summary>The company's UniFi router, on a UniFi simulator: its guest page sells the same hour.</summary>
        public DemoUnifi? Unifi { get; init; }
    }

    /// <summary>Completes once the demo is in place (tests wait on it).</summary>
    public Task<DemoInfo> Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WaitForStartAsync(stoppingToken);
            var info = await SeedAsync(stoppingToken);
            Console.WriteLine(Describe(info));
            _ready.TrySetResult(info);
        }
        catch (OperationCanceledException)
        {
            _ready.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "The demo could not be set up; the API runs without it.");
            _ready.TrySetException(e);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_hotspot is not null)
        {
            await _hotspot.DisposeAsync();
        }

        if (_unifi is not null)
        {
            await _unifi.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    private Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    private async Task<DemoInfo> SeedAsync(CancellationToken cancellationToken)
    {
        _simulator = RouterOsSimulator.Start(new RouterOsSimulatorOptions { Version = "7.14.3 (stable)", User = "admin", Password = RouterPassword });
        await SeedRouterAsync(_simulator, cancellationToken);
        _hotspot = await DemoHotspot.StartAsync(_simulator);

        var time = services.GetRequiredService<TimeProvider>();
        var (adminEmail, adminPassword) = await EnsureAdminAsync(time, cancellationToken);
        var empresa = await services.GetRequiredService<EmpresaStore>().CreateAsync(
            new EmpresaEntity { Nombre = "Demo Café", Activa = true, CreadaEn = time.GetUtcNow() }, cancellationToken);
        var router = await services.GetRequiredService<RouterStore>().CreateAsync(
            new RouterEntity
            {
                EmpresaId = empresa.Id, Nombre = "Router del café (simulador)", Ubicacion = "Barra", Tipo = RouterKinds.Mikrotik, Activo = true, HostsLogin = new Uri(DemoLoginUrl).Host,
                Host = "127.0.0.1", Puerto = _simulator.ApiPort, Usuario = "admin", CreadoEn = time.GetUtcNow(),
            },
            RouterPassword,
            cancellationToken);
        var keys = services.GetRequiredService<ApiKeyStore>();
        var (_, apiKey) = await keys.IssueAsync(router, KeyScope.Portal, cancellationToken);
        var (_, integrationKey) = await keys.IssueAsync(router, KeyScope.Integration, cancellationToken);
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? DevHostApplication.DefaultUrl;
        var baseUrl = address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal);
        var producto = await SeedSaleAsync(adminEmail, router, new Uri(baseUrl.TrimEnd('/') + "/"), cancellationToken);
        await _hotspot.WriteConfigAsync(
            router.Id, baseUrl.TrimEnd('/'), apiKey, [PaymentProviderNames.MercadoPago, PaymentProviderNames.Stripe], time.GetUtcNow(), cancellationToken);
        _unifi = await DemoUnifi.StartAsync(services, new AdminCaller(new AdminPrincipal(0, adminEmail, "Demo", Roles.SuperAdmin, null), "127.0.0.1"), empresa.Id, cancellationToken);
        return new DemoInfo(baseUrl, adminEmail, adminPassword, empresa.Id, router.Id, apiKey, integrationKey, producto.Id, _simulator, _hotspot, services.GetRequiredService<DemoPayments>())
        {
            Unifi = _unifi,
        };
    }

    /// <summary>The paid user of seed 000's example, and three devices on the hotspot network.</summary>
    private static async Task SeedRouterAsync(RouterOsSimulator simulator, CancellationToken cancellationToken)
    {
        await using var client = await RouterOsConnection.OpenAsync(new RouterOsEndpoint(0, "127.0.0.1", simulator.ApiPort, "admin"), RouterPassword, cancellationToken);
        await client.AddHotspotUserProfileAsync(new NewHotspotUserProfile("5Mbps-1hora") { RateLimit = "5M/5M" }, cancellationToken);
        await client.AddHotspotUserAsync(
            new NewHotspotUser(HotspotUser, HotspotPassword) { Profile = "5Mbps-1hora", MacAddress = "AA:BB:CC:DD:EE:FF", Comment = "MODE=RANDMAC TL=3600 TA=1800" },
            cancellationToken);
        simulator.State.AddHost("AA:BB:CC:DD:EE:FF", "192.168.88.10");
        simulator.State.AddHost("11:22:33:44:55:66", "192.168.88.175");
        simulator.State.AddHost("22:33:44:55:66:77", "192.168.88.176");
        await client.AddHotspotUserAsync(new NewHotspotUser(DemoHotspot.GuestUser, DemoHotspot.GuestPassword), cancellationToken);
    }

    /// <summary>
    /// A product of one hour on sale at the router (made through the catalog, which checks its profile on the router)
    /// and the company's accounts at the payment simulator.
    /// </summary>
    private async Task<ProductoEntity> SeedSaleAsync(string adminEmail, RouterEntity router, Uri baseUrl, CancellationToken cancellationToken)
    {
        var caller = new AdminCaller(new AdminPrincipal(0, adminEmail, "Demo", Roles.SuperAdmin, null), "127.0.0.1");
        var producto = await services.GetRequiredService<ProductCatalog>().CreateAsync(
            caller, router.Id,
            new ProductoRequest("1 hora", "Internet por una hora a 5 Mbps", null, 15.00m, "MXN", 3600, null, "5Mbps-1hora", null, null, true, 1, true, null),
            cancellationToken);
        await services.GetRequiredService<DemoPayments>().AddAccountsAsync(services.GetRequiredService<PaymentCredentialStore>(), router.EmpresaId, baseUrl, cancellationToken);
        return producto;
    }

    /// <summary>The bootstrapped super_admin when one is configured; otherwise a demo admin with a password made now and shown once.</summary>
    private async Task<(string Email, string? Password)> EnsureAdminAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        if (configuration[ConfigurationKeys.BootstrapAdminEmail] is { Length: > 0 } bootstrap)
        {
            return (bootstrap, null);
        }

        const string email = "demo@hotspot.local";
        var usuarios = services.GetRequiredService<UsuarioStore>();
        if (await usuarios.FindByEmailAsync(email, cancellationToken) is not null)
        {
            return (email, null);
        }

        var password = "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        await usuarios.CreateAsync(
            new UsuarioEntity
            {
                Email = email, Nombre = "Demo", Rol = Roles.SuperAdmin, Activo = true,
                PasswordHash = services.GetRequiredService<PasswordHasher>().Hash(password), CreadoEn = time.GetUtcNow(),
            },
            cancellationToken);
        return (email, password);
    }

    private static string Describe(DemoInfo info)
    {
        var url = info.BaseUrl.TrimEnd('/');
        string Reconnect(string mac, string ip, string user) => string.Create(CultureInfo.InvariantCulture,
            $"curl -s -X POST {url}/api/v1/hotspot/auto-reconnect -H 'X-API-Key: {info.ApiKey}' -H 'Content-Type: application/json' -d '{{\"username\":\"{user}\",\"password\":\"{HotspotPassword}\",\"current_mac\":\"{mac}\",\"current_ip\":\"{ip}\"}}'");
        var text = new StringBuilder()
            .AppendLine()
            .AppendLine("=== Hotspot demo (turn off with --Hotspot:DevHost:Demo:Enabled=false) ===")
            .AppendLine(CultureInfo.InvariantCulture, $"RouterOS simulator: 127.0.0.1:{info.Simulator.ApiPort}, router id {info.RouterId} in company \"Demo Café\"")
            .AppendLine("Admin login: " + info.AdminEmail + (info.AdminPassword is null ? " (the password you configured)" : " / " + info.AdminPassword))
            .AppendLine(CultureInfo.InvariantCulture, $"Router portal key (alcance portal, the one config.js publishes): {info.ApiKey}")
            .AppendLine(CultureInfo.InvariantCulture, $"Router integration key (alcance integracion, a server's secret: portal_login, the action API): {info.IntegrationKey}")
            .AppendLine(CultureInfo.InvariantCulture, $"Paid hotspot user: {HotspotUser} / {HotspotPassword} (1 h bought, 30 min used), devices AA:BB:CC:DD:EE:FF, 11:22:33:44:55:66, 22:33:44:55:66:77")
            .AppendLine()
            .AppendLine("# 1. The first device (it holds the user's MAC):")
            .AppendLine(Reconnect("AA:BB:CC:DD:EE:FF", "192.168.88.10", HotspotUser))
            .AppendLine("# 2. The phone comes back with a randomized MAC: a clone AB3C9D_RANDMAC1 takes it, sharing the time:")
            .AppendLine(Reconnect("11:22:33:44:55:66", "192.168.88.175", HotspotUser))
            .AppendLine("# 3. A user the router does not know: estado expirado, \"Usuario no encontrado\":")
            .AppendLine(Reconnect("22:33:44:55:66:77", "192.168.88.176", "NOSUCH"))
            .AppendLine(CultureInfo.InvariantCulture, $"# The captive portal (portal/mikrotik) in a browser, as device {DemoHotspot.BrowserMac}: {info.Hotspot.Gateway.Url}")
            .AppendLine(CultureInfo.InvariantCulture, $"#   log in as {DemoHotspot.GuestUser} / {DemoHotspot.GuestPassword}; another device: curl -X PUT {info.Hotspot.Control.Urls.Single()}/gateway/device -H 'Content-Type: application/json' -d '{{\"mac-address\":\"11:22:33:44:55:66\",\"address\":\"192.168.88.175\"}}'")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Payment simulator (Mercado Pago and Stripe): {info.Payments.Simulator.ApiBaseUrl}, control port {info.Payments.Simulator.ControlUrl}")
            .AppendLine(CultureInfo.InvariantCulture, $"On sale: product {info.ProductoId}, \"1 hora\", 15.00 MXN. Buy it as device {BuyerMac} (README, \"Selling access\"):")
            .Append(BuyCommands(info))
            .AppendLine(CultureInfo.InvariantCulture, $"UniFi simulator: {info.Unifi?.Simulator.ApiBaseUrl}, router id {info.Unifi?.RouterId} in company \"Demo Café\", device {DemoUnifi.GuestMac} on its guest network")
            .AppendLine("# The UniFi guest page (README, \"The UniFi guest portal and vouchers\"): open in a browser to buy the hour, take the free minutes or use a ficha:")
            .AppendLine(info.Unifi?.GuestPageUrl(url) ?? "")
            .AppendLine("# A portal server logs a guest in (seed 001) with the integration key; the portal key gets 403:")
            .AppendLine(CultureInfo.InvariantCulture, $"curl -s -X POST {url}/api/v1/portal_login -H 'Authorization: Bearer {info.IntegrationKey}' -H 'Content-Type: application/json' -d '{{\"data\":\"{{\\\"uid\\\":\\\"room_401\\\",\\\"ap_mac\\\":\\\"aa:bb:cc:dd:ee:ff\\\",\\\"mac\\\":\\\"{BuyerMac}\\\",\\\"ip\\\":\\\"{BuyerIp}\\\",\\\"session_timeout\\\":3600}}\"}}'")
            .AppendLine("# Log in as the admin:")
            .AppendLine(CultureInfo.InvariantCulture, $"curl -s -X POST {url}/api/v1/auth/login -H 'Content-Type: application/json' -d '{{\"email\":\"{info.AdminEmail}\",\"password\":\"{info.AdminPassword ?? "<your password>"}\"}}'");
        return text.ToString();
    }

    /// <summary>The terminal purchase of the README, with this demo's key, product and ports filled in (needs jq).</summary>
    public static string BuyCommands(DemoInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var url = info.BaseUrl.TrimEnd('/');
        var control = info.Payments.Simulator.ControlUrl.AbsoluteUri.TrimEnd('/');
        return new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"API={url} KEY='{info.ApiKey}' PAGOS={control}")
            .AppendLine("# 1. The portal creates the purchase (one Idempotency-Key per purchase: a retry with it never buys twice):")
            .AppendLine(CultureInfo.InvariantCulture, $"COMPRA=$(curl -s -X POST $API/api/v1/compras -H \"X-API-Key: $KEY\" -H \"Idempotency-Key: $(od -An -N16 -tx1 /dev/urandom | tr -d ' \\n')\" -H 'Content-Type: application/json' -d '{{\"producto_id\":\"{info.ProductoId}\",\"proveedor\":\"mercado_pago\",\"mac_cliente\":\"{BuyerMac}\",\"ip_cliente\":\"{BuyerIp}\",\"url_login\":\"{DemoLoginUrl}\"}}'); echo \"$COMPRA\"")
            .AppendLine("ID=$(echo \"$COMPRA\" | jq -r .id_compra) TOKEN=$(echo \"$COMPRA\" | jq -r .token_consulta) PAGO=$(echo \"$COMPRA\" | jq -r .pago.url_pago)")
            .AppendLine("# 2. The guest pays: open $PAGO in a browser and press \"Pagar (aprobado)\", or approve from here through the simulator's control port:")
            .AppendLine("curl -s -X POST $PAGOS/checkouts/${PAGO##*/}/pay -H 'Content-Type: application/json' -d '{\"outcome\":\"approve\"}'")
            .AppendLine("# 3. The portal polls the purchase until estado is provisionada (a moment after approving): usuario_hotspot, the receipt:")
            .AppendLine("curl -s $API/api/v1/compras/$ID -H \"X-API-Key: $KEY\" -H \"X-Compra-Token: $TOKEN\" | jq")
            .ToString();
    }
}
