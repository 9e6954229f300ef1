using System.Net;
using Hotspot.Drivers;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Sales.Provisioning;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.RouterOs;
using Hotspot.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Sales.Provisioning;

/// <summary>
/// The DevHost (tables in Azurite) with a company whose MikroTik router is the RouterOS simulator over TCP, and the
/// <see cref="IPurchaseProvisioner"/> the host registers: what the purchase engine calls once a payment is approved.
/// </summary>
internal sealed class MikrotikProvisioningRig : IAsyncDisposable
{
    public const string Profile = "1hora-5M";
    public const string BuyerMac = "11:22:33:44:55:66";
    public const string BuyerIp = "192.168.88.175";

    private MikrotikProvisioningRig(TenancyHost host, RunningRouter router, RouterOsConnection client, string root, long empresaId, long routerId, string apiKey)
    {
        Host = host;
        Router = router;
        Client = client;
        Root = root;
        EmpresaId = empresaId;
        RouterId = routerId;
        ApiKey = apiKey;
    }

    public TenancyHost Host { get; }

    public RunningRouter Router { get; }

    /// <summary>A connection of the test's own, to look at the router as an operator would.</summary>
    public RouterOsConnection Client { get; }

    public string Root { get; }

    public long EmpresaId { get; }

    public long RouterId { get; }

    public string ApiKey { get; }

    public IPurchaseProvisioner Provisioner => Host.Host.Services.GetRequiredService<IPurchaseProvisioner>();

    public static async Task<MikrotikProvisioningRig> StartAsync(AzuriteFixture azurite)
    {
        var router = RunningRouter.Start();
        var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Cafe");
        var created = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            new { nombre = "Cafe", tipo = "mikrotik", host = "127.0.0.1", puerto = router.Simulator.ApiPort, usuario = "admin", password = RunningRouter.Password });
        var routerId = created.GetProperty("id").GetInt64();
        var (_, apiKey) = await host.IssueApiKeyAsync(root, routerId);
        var client = await router.ConnectAsync();
        await client.AddHotspotUserProfileAsync(new NewHotspotUserProfile(Profile) { RateLimit = "5M/5M" }, default);
        return new MikrotikProvisioningRig(host, router, client, root, empresa, routerId, apiKey);
    }

    public ProvisioningOrder Order(
        string? compraId = null, string? usuario = null, long tiempoSegundos = 3600, long? limiteMb = null, string? perfil = Profile,
        string? mac = null, string? ip = null, bool conexionAutomatica = false) =>
        new(EmpresaId, RouterId, compraId ?? "c" + Guid.NewGuid().ToString("N")[..12], usuario ?? PurchaseCredentials.NewUserName(), tiempoSegundos, limiteMb,
            perfil, null, null, mac is null ? null : MacAddress.Parse(mac), ip, conexionAutomatica);

    /// <summary>The password the buyer is shown: derived again from the purchase, as the receipt does.</summary>
    public Task<string> PasswordAsync(ProvisioningOrder order) =>
        Host.Host.Services.GetRequiredService<PurchaseCredentials>().PasswordAsync(order.CompraId, order.Usuario, default);

    public async Task<IReadOnlyList<HotspotUser>> UsersAsync() => await Client.GetHotspotUsersAsync(null, default);

    public async Task<IReadOnlyList<HotspotActiveSession>> SessionsAsync() => await Client.GetHotspotActiveAsync(null, default);

    public async Task<IReadOnlyList<HotspotCookie>> CookiesAsync() => await Client.GetHotspotCookiesAsync(null, default);

    /// <summary>Opens the host's pooled connection to the router (a purchase of its own), so that faults meet the purchase's commands, not a login.</summary>
    public async Task WarmAsync() => Assert.Equal(ProvisioningStatus.Done, (await Provisioner.ProvisionAsync(Order(), default)).Status);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Router.DisposeAsync();
    }
}
