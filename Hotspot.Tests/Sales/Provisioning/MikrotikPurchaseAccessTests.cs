using System.Net;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Sales.Provisioning;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Provisioning;

/// <summary>
/// A purchase's user lives on the router as seed 000's paid users do: the buyer's device is logged in at once, a phone
/// that comes back with a randomized MAC reconnects through <c>/api/v1/hotspot/auto-reconnect</c> on the time bought,
/// and the sweeper leaves it alone until that time is spent.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MikrotikPurchaseAccessTests(AzuriteFixture azurite)
{
    private const string RandomizedMac = "6A:1B:2C:3D:4E:5F";
    private const string RandomizedIp = "192.168.88.176";

    [Fact]
    public async Task With_automatic_connection_the_buyers_device_is_online_at_once_as_the_purchases_user()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);
        rig.Router.State.AddHost(MikrotikProvisioningRig.BuyerMac, MikrotikProvisioningRig.BuyerIp);
        var order = rig.Order(mac: MikrotikProvisioningRig.BuyerMac, ip: MikrotikProvisioningRig.BuyerIp, conexionAutomatica: true);

        var result = await rig.Provisioner.ProvisionAsync(order, default);

        Assert.Equal((ProvisioningStatus.Done, true), (result.Status, result.LoggedIn));
        var session = Assert.Single(await rig.SessionsAsync());
        Assert.Equal((order.Usuario, MikrotikProvisioningRig.BuyerMac), (session.User, session.MacAddress));
        Assert.Equal(MikrotikProvisioningRig.BuyerMac, Assert.Single(await rig.UsersAsync()).MacAddress);
    }

    [Fact]
    public async Task A_device_not_on_the_hotspot_still_gets_its_user_and_is_told_to_log_in_from_the_portal()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);
        var order = rig.Order(mac: MikrotikProvisioningRig.BuyerMac, conexionAutomatica: true);

        var result = await rig.Provisioner.ProvisionAsync(order, default);

        Assert.Equal((ProvisioningStatus.Done, false), (result.Status, result.LoggedIn));
        Assert.Equal(order.Usuario, Assert.Single(await rig.UsersAsync()).Name);
        Assert.Empty(await rig.SessionsAsync());
    }

    [Fact]
    public async Task The_buyer_returning_with_a_randomized_mac_reconnects_on_a_clone_and_the_familys_time_is_the_products()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);
        rig.Router.State.AddHost(MikrotikProvisioningRig.BuyerMac, MikrotikProvisioningRig.BuyerIp);
        var order = rig.Order(tiempoSegundos: 3600, mac: MikrotikProvisioningRig.BuyerMac, ip: MikrotikProvisioningRig.BuyerIp, conexionAutomatica: true);
        Assert.True((await rig.Provisioner.ProvisionAsync(order, default)).LoggedIn);
        rig.Router.Simulator.Clock.Advance(TimeSpan.FromMinutes(10));
        rig.Router.State.AddHost(RandomizedMac, RandomizedIp);

        var json = await ReconnectAsync(rig, order.Usuario, await rig.PasswordAsync(order), RandomizedMac, RandomizedIp);

        Assert.Equal(("activo", "conectado"), (json.GetProperty("estado").GetString(), json.GetProperty("auto_conexion").GetString()));
        Assert.Equal(order.Usuario + "_RANDMAC1", json.GetProperty("datos_sesion").GetProperty("name").GetString());
        Assert.Equal(("00:10:00", "00:50:00"), (json.GetProperty("tiempo_acumulado").GetString(), json.GetProperty("tiempo_restante").GetString()));
        var clone = Assert.Single(await rig.UsersAsync(), u => u.Name == order.Usuario + "_RANDMAC1");
        Assert.Equal(($"MODE=RANDMAC TL=3600 TA=0 COMPRA={order.CompraId}", RandomizedMac), (clone.Comment, clone.MacAddress));
        Assert.Equal(order.Usuario + "_RANDMAC1", Assert.Single(await rig.SessionsAsync()).User);
    }

    [Fact]
    public async Task The_sweeper_leaves_a_live_purchase_alone_and_removes_it_once_its_time_is_spent()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);
        var order = rig.Order(tiempoSegundos: 1800);
        Assert.Equal(ProvisioningStatus.Done, (await rig.Provisioner.ProvisionAsync(order, default)).Status);

        var untouched = await SweepAsync(rig);

        Assert.Equal(0, untouched.GetProperty("families_removed").GetInt32());
        Assert.Equal(order.Usuario, Assert.Single(await rig.UsersAsync()).Name);
        rig.Router.State.AddHost(MikrotikProvisioningRig.BuyerMac, MikrotikProvisioningRig.BuyerIp);
        var json = await ReconnectAsync(rig, order.Usuario, await rig.PasswordAsync(order), MikrotikProvisioningRig.BuyerMac, MikrotikProvisioningRig.BuyerIp);
        Assert.Equal("conectado", json.GetProperty("auto_conexion").GetString());
        rig.Router.Simulator.Clock.Advance(TimeSpan.FromMinutes(30));

        var spent = await SweepAsync(rig);

        Assert.Equal(1, spent.GetProperty("families_removed").GetInt32());
        Assert.Empty(await rig.UsersAsync());
        var after = await ReconnectAsync(rig, order.Usuario, await rig.PasswordAsync(order), MikrotikProvisioningRig.BuyerMac, MikrotikProvisioningRig.BuyerIp);
        Assert.Equal("expirado", after.GetProperty("estado").GetString());
    }

    internal static async Task<JsonElement> ReconnectAsync(MikrotikProvisioningRig rig, string username, string password, string mac, string ip)
    {
        using var response = await rig.Host.SendAsync(HttpMethod.Post, "/api/v1/hotspot/auto-reconnect", apiKey: rig.ApiKey,
            json: new { username, password, stored_mac = MikrotikProvisioningRig.BuyerMac, current_mac = mac, current_ip = ip });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<JsonElement> SweepAsync(MikrotikProvisioningRig rig) =>
        rig.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/admin/routers/{rig.RouterId}/sweep", rig.Root);
}
