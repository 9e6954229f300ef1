using Hotspot.Testing;
using System.Text.Json;
using Hotspot.Radius;
using Hotspot.Sales.Provisioning;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Unifi;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Radius;

/// <summary>
/// The DevHost (tables in Azurite) with a company and a MikroTik router in RADIUS mode made through the admin API, and
/// FreeRADIUS with the repository's config calling the DevHost. Nothing listens for a RouterOS API anywhere.
/// </summary>
internal sealed class RadiusRig : IAsyncDisposable
{
    public const string RestSecret = "rest-secret-of-this-deployment-4b1d";
    public const string UdpSecret = "udp-secret-9f2a";

    /// <summary>The guest's phone, and the same phone with another randomized MAC.</summary>
    public const string Phone = "1C:71:25:63:E4:24";
    public const string PhoneAgain = "6A:3F:09:D2:11:8C";

    private RadiusRig(RunningDevHost host, RunningFreeRadius radius, long empresaId, long routerId, string nasIdentifier, ShiftableClock clock, Dictionary<string, string?> settings)
    {
        Clock = clock;
        Settings = settings;
        Host = host;
        Radius = radius;
        EmpresaId = empresaId;
        RouterId = routerId;
        NasIdentifier = nasIdentifier;
    }

    public RunningDevHost Host { get; }

    /// <summary>The DevHost's clock (real time, moved forward by the test).</summary>
    public ShiftableClock Clock { get; }

    /// <summary>The DevHost's settings: another instance started with them serves the same tables and secrets.</summary>
    private Dictionary<string, string?> Settings { get; }

    public RunningFreeRadius Radius { get; }

    public long EmpresaId { get; }

    public long RouterId { get; }

    /// <summary>What the router sends as NAS-Identifier (its /system identity), from the create answer.</summary>
    public string NasIdentifier { get; }

    public IPurchaseProvisioner Provisioner => Host.Services.GetRequiredService<IPurchaseProvisioner>();

    public RadiusStore Store => Host.Services.GetRequiredService<RadiusStore>();

    public static async Task<RadiusRig> StartAsync(AzuriteFixture azurite, ShiftableClock? clock = null)
    {
        clock ??= new ShiftableClock();
        var settings = new Dictionary<string, string?>
        {
            ["Hotspot:Radius:RestSecret"] = RestSecret,
            ["Hotspot:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Hotspot:Storage:TablePrefix"] = RunningDevHost.NewTablePrefix(),
            ["Hotspot:Secrets:LocalFile"] = Path.Combine(Path.GetTempPath(), $"radius-rig-{Guid.NewGuid():N}.json"),
            ["Hotspot:Bootstrap:AdminEmail"] = AdminSession.Email,
            ["Hotspot:Bootstrap:AdminPassword"] = "correct-horse-battery",
            ["Hotspot:Auth:BcryptCost"] = "4",
        };
        var host = await StartInstanceAsync(settings, clock);
        var login = await AdminSession.PostAsync(host, "/api/v1/auth/login", new { email = AdminSession.Email, password = "correct-horse-battery" });
        host.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", login.GetProperty("access_token").GetString());
        var empresa = await AdminSession.PostAsync(host, "/api/v1/admin/empresas", new { nombre = "Café RADIUS" });
        var empresaId = empresa.GetProperty("id").GetInt64();
        var router = await AdminSession.PostAsync(host, $"/api/v1/admin/empresas/{empresaId}/routers", new { nombre = "Terraza", tipo = "mikrotik", conexion = "radius" });
        var radius = await RunningFreeRadius.StartAsync(host.Client.BaseAddress!, RestSecret, UdpSecret);
        return new RadiusRig(host, radius, empresaId, router.GetProperty("id").GetInt64(), router.GetProperty("radius").GetProperty("nas_identifier").GetString()!, clock, settings);
    }

    /// <summary>Another instance of the service over the same tables and secrets, on the same clock.</summary>
    public Task<RunningDevHost> StartSecondInstanceAsync() => StartInstanceAsync(Settings, Clock);

    private static Task<RunningDevHost> StartInstanceAsync(Dictionary<string, string?> settings, ShiftableClock clock) =>
        RunningDevHost.StartAsync(settings, services => services.AddSingleton<TimeProvider>(clock));

    public ProvisioningOrder Order(long tiempoSegundos = 3600, int? subidaKbps = null, int? bajadaKbps = null, long? limiteMb = null) =>
        new(EmpresaId, RouterId, "c" + Guid.NewGuid().ToString("N")[..12], PurchaseCredentials.NewUserName(), tiempoSegundos, limiteMb,
            null, subidaKbps, bajadaKbps, null, null, ConexionAutomatica: false);

    /// <summary>Provisions the order (requiring success) and returns the buyer's password, as the receipt shows it.</summary>
    public async Task<string> BuyAsync(ProvisioningOrder order)
    {
        var result = await Provisioner.ProvisionAsync(order, default);
        Assert.Equal(ProvisioningStatus.Done, result.Status);
        Assert.Equal(0, result.RouterRoundTrips);
        return await Host.Services.GetRequiredService<PurchaseCredentials>().PasswordAsync(order.CompraId, order.Usuario, default);
    }

    /// <summary>An Access-Request as a MikroTik hotspot sends it, PAP or CHAP (with the CHAP-Challenge the hotspot always sends), with Message-Authenticator.</summary>
    public Task<RadiusReply?> LoginAsync(string usuario, string password, bool chap = false, string? secret = null, string? nasIdentifier = null, string mac = Phone) =>
        Radclient.SendAsync(Radius.AuthPort, "auth", secret ?? UdpSecret,
            $"User-Name = \"{usuario}\"\n{(chap ? $"CHAP-Challenge = 0x{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))}\nCHAP-Password" : "User-Password")} = \"{password}\"\nNAS-Identifier = \"{nasIdentifier ?? NasIdentifier}\"\n" +
            $"Calling-Station-Id = \"{mac}\"\nCalled-Station-Id = \"hotspot1\"\nNAS-Port-Type = Wireless-802.11\nMessage-Authenticator = 0x00\n");

    public Task<RadiusReply?> AccountAsync(string usuario, string status, string sessionId, long seconds = 0, long input = 0, long output = 0, string? secret = null, string mac = Phone) =>
        Radclient.SendAsync(Radius.AcctPort, "acct", secret ?? UdpSecret,
            $"Acct-Status-Type = {status}\nAcct-Session-Id = \"{sessionId}\"\nUser-Name = \"{usuario}\"\nNAS-Identifier = \"{NasIdentifier}\"\nCalling-Station-Id = \"{mac}\"\n" +
            $"Acct-Session-Time = {seconds}\nAcct-Input-Octets = {input}\nAcct-Output-Octets = {output}\n");

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        await Radius.DisposeAsync();
        await Host.DisposeAsync();
        File.Delete(Settings["Hotspot:Secrets:LocalFile"]!);
    }
}
