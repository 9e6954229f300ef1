using Hotspot.Drivers;
using Hotspot.Sales.Provisioning;
using Hotspot.Simulators.Unifi;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Unifi;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Sales.Provisioning;

/// <summary>The DevHost (tables in Azurite) with a company whose UniFi router is the UniFi simulator over HTTPS, and the host's <see cref="IPurchaseProvisioner"/>.</summary>
internal sealed class UnifiProvisioningRig : IAsyncDisposable
{
    public const string ControllerKey = "sale-key-7d1e";
    public static readonly MacAddress Phone = MacAddress.Parse("1c:71:25:63:e4:24");

    private UnifiProvisioningRig(UnifiSimulator simulator, RunningDevHost host, long empresaId, long routerId)
    {
        Simulator = simulator;
        Host = host;
        EmpresaId = empresaId;
        RouterId = routerId;
    }

    public UnifiSimulator Simulator { get; }

    public RunningDevHost Host { get; }

    public long EmpresaId { get; }

    public long RouterId { get; }

    public IPurchaseProvisioner Provisioner => Host.Services.GetRequiredService<IPurchaseProvisioner>();

    public static async Task<UnifiProvisioningRig> StartAsync(AzuriteFixture azurite)
    {
        var simulator = await UnifiSimulator.StartAsync(new UnifiSimulatorOptions { ApiKey = ControllerKey }, default);
        var host = await AdminSession.StartAsync(azurite);
        var empresa = await AdminSession.PostAsync(host, "/api/v1/admin/empresas", new { nombre = "Café" });
        var empresaId = empresa.GetProperty("id").GetInt64();
        var router = await AdminSession.PostAsync(host, $"/api/v1/admin/empresas/{empresaId}/routers", AdminSession.UnifiRouter(simulator, ControllerKey));
        return new UnifiProvisioningRig(simulator, host, empresaId, router.GetProperty("id").GetInt64());
    }

    public ProvisioningOrder Order(long tiempoSegundos = 3600, long? limiteMb = null, int? subidaKbps = null, int? bajadaKbps = null, MacAddress? mac = null) =>
        new(EmpresaId, RouterId, "c" + Guid.NewGuid().ToString("N")[..12], PurchaseCredentials.NewUserName(), tiempoSegundos, limiteMb,
            null, subidaKbps, bajadaKbps, mac ?? Phone, null, ConexionAutomatica: true);

    public void Join(MacAddress? mac = null) => Simulator.State.Join(mac ?? Phone, "default");

    /// <summary>The devices the controller sees connected, authorizations included.</summary>
    internal IReadOnlyList<ClientView> Clients() => Simulator.State.Clients(Simulator.State.AddSite("default"), withAuthorization: true);

    /// <summary>The phone as the controller holds it (unauthorizing disconnects it: it must have joined again).</summary>
    internal ClientView PhoneOnController() => Assert.Single(Clients(), c => MacAddress.Parse(c.MacAddress) == Phone);

    public int Authorizations() => Simulator.State.Requests.Count(r => r.StartsWith("POST ", StringComparison.Ordinal) && r.EndsWith("/actions", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
