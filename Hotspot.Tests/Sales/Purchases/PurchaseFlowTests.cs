using System.Net;
using System.Text.Json;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Purchases;

/// <summary>A guest buys an hour through the portal routes; the providers are the payment simulator, the router the RouterOS simulator.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PurchaseFlowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_paid_mercado_pago_purchase_becomes_one_router_user_with_the_products_time_and_its_credentials_appear_only_then()
    {
        await using var world = await SalesWorld.StartAsync(azurite);

        var compra = await world.BuyAsync();
        var before = await world.PollAsync(compra);
        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        var after = await world.PollAsync(compra);

        Assert.Equal(
            ["id_compra", "token_consulta", "estado", "producto", "monto", "moneda", "pago", "creada_en"],
            compra.Body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("pendiente_pago", "15.00", "MXN"), (compra.Body.GetProperty("estado").GetString(), compra.Body.GetProperty("monto").GetRawText(), compra.Body.GetProperty("moneda").GetString()));
        Assert.Equal(("mercado_pago", 3600), (compra.Body.GetProperty("pago").GetProperty("proveedor").GetString(), compra.Body.GetProperty("producto").GetProperty("tiempo_segundos").GetInt32()));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("usuario_hotspot").ValueKind);
        Assert.Equal("Esperando el pago.", before.GetProperty("mensaje").GetString());
        Assert.Equal(("provisionada", "approved"), (after.GetProperty("estado").GetString(), after.GetProperty("estado_pago").GetString()));
        var usuario = after.GetProperty("usuario_hotspot");
        var user = Assert.Single(world.UsersOf(compra.Id));
        Assert.Equal(usuario.GetProperty("usuario").GetString(), user["name"]);
        Assert.Equal(usuario.GetProperty("contrasena").GetString(), user["password"]);
        Assert.Equal((SalesWorld.Profile, "1h"), (user["profile"], user["limit-uptime"]));
        Assert.StartsWith("MODE=RANDMAC TL=3600 TA=0", user["comment"], StringComparison.Ordinal);
        Assert.Equal("15.00", after.GetProperty("recibo").GetProperty("monto").GetRawText());
    }
}
