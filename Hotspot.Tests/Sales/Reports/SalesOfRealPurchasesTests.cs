using System.Net;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Sales.Purchases;

namespace Hotspot.Tests.Sales.Reports;

/// <summary>The sales routes over purchases made through the real flow: portal, payment simulator, webhook, router.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SalesOfRealPurchasesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_purchase_bought_and_paid_shows_its_moves_to_the_operator_with_no_password_token_or_provider_secret()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync();
        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        var estado = await world.PollAsync(compra);
        var password = estado.GetProperty("usuario_hotspot").GetProperty("contrasena").GetString()!;
        var usuario = estado.GetProperty("usuario_hotspot").GetProperty("usuario").GetString()!;

        var list = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/compras?empresa_id={world.EmpresaId}", world.RootToken);
        var resumen = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/ventas/resumen?router_id={world.RouterId}", world.RootToken);
        var answers = new List<string> { list.GetRawText(), resumen.GetRawText() };
        foreach (var path in new[] { $"/api/v1/admin/compras/{compra.Id}", $"/api/v1/admin/ventas.csv?empresa_id={world.EmpresaId}" })
        {
            using var response = await world.Host.SendAsync(HttpMethod.Get, path, world.RootToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((compra.Id, "provisionada", "approved", usuario), (item.GetProperty("id_compra").GetString(), item.GetProperty("estado").GetString(),
            item.GetProperty("estado_pago").GetString(), item.GetProperty("usuario_hotspot").GetString()));
        var moves = item.GetProperty("historial").EnumerateArray().Select(t => t.GetProperty("hacia").GetString()).ToList();
        Assert.Equal(["pendiente_pago", "aprobada", "provisionada"], moves.Where(m => m is "pendiente_pago" or "aprobada" or "provisionada"));
        Assert.Equal("15.00", resumen.GetProperty("monedas")[0].GetProperty("netas").GetRawText());
        foreach (var secret in world.Secrets.Append(password).Append(compra.Token))
        {
            Assert.DoesNotContain(answers, a => a.Contains(secret, StringComparison.Ordinal));
        }
    }
}
