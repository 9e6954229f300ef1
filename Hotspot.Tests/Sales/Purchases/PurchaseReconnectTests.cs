using System.Net;
using System.Text.Json;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Purchases;

/// <summary>Seed 000's path: the credentials a purchase gave reconnect a device whose MAC was randomized, with the product's time.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PurchaseReconnectTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_buyer_whose_mac_changed_reconnects_with_the_purchased_credentials_and_the_family_has_the_products_time()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync(mac: "AA:BB:CC:DD:EE:FF");
        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        var credentials = (await world.PollAsync(compra)).GetProperty("usuario_hotspot");
        const string RandomizedMac = "DA:A1:19:5E:32:07";
        world.Router.State.AddHost(RandomizedMac, "10.5.50.77");

        using var response = await world.Host.SendAsync(HttpMethod.Post, "/api/v1/hotspot/auto-reconnect", json: new
        {
            username = credentials.GetProperty("usuario").GetString(), password = credentials.GetProperty("contrasena").GetString(),
            stored_mac = "AA:BB:CC:DD:EE:FF", current_mac = RandomizedMac, current_ip = "10.5.50.77",
        }, apiKey: world.ApiKey);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("activo", "conectado"), (answer.GetProperty("estado").GetString(), answer.GetProperty("auto_conexion").GetString()));
        Assert.Equal("01:00:00", answer.GetProperty("tiempo_restante").GetString());
        var family = world.UsersOf(compra.Id).Select(u => u["name"]).ToList();
        var session = Assert.Single(world.Router.State.Snapshot()["/ip/hotspot/active"], a => a["mac-address"] == RandomizedMac);
        Assert.Contains(session["user"], family);
        Assert.All(world.UsersOf(compra.Id), u => Assert.Contains("TL=3600", u["comment"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_full_refund_the_same_credentials_are_expired()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync();
        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        var credentials = (await world.PollAsync(compra)).GetProperty("usuario_hotspot");
        world.Router.State.AddHost("DA:A1:19:5E:32:08", "10.5.50.78");
        using (var refund = await world.Host.SendAsync(HttpMethod.Post, $"/api/v1/admin/compras/{compra.Id}/reembolso", world.RootToken, new { motivo = "prueba" }))
        {
            Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        }

        await world.RunTimerAsync();
        using var response = await world.Host.SendAsync(HttpMethod.Post, "/api/v1/hotspot/auto-reconnect", json: new
        {
            username = credentials.GetProperty("usuario").GetString(), password = credentials.GetProperty("contrasena").GetString(),
            stored_mac = "AA:BB:CC:DD:EE:FF", current_mac = "DA:A1:19:5E:32:08", current_ip = "10.5.50.78",
        }, apiKey: world.ApiKey);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(("expirado", "no_conectado"), (answer.GetProperty("estado").GetString(), answer.GetProperty("auto_conexion").GetString()));
        Assert.Empty(world.UsersOf(compra.Id));
    }
}
