using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Purchases;

/// <summary>
/// A buyer who pays twice for one purchase (Checkout Pro takes a second payment on the same preference) keeps exactly
/// one payment with access; the other is refunded automatically, once, whatever copies and orders its webhooks come in.
/// The summary counts both payments as sold and the automatic refund as a refund.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PurchaseDoublePaymentTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_second_payment_under_duplicated_and_reordered_webhooks_is_refunded_once_and_the_first_keeps_the_access()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await PurchaseDisputeTests.ProvisionedAsync(world, "mercado_pago");
        var first = await PurchaseDisputeTests.PaymentOfAsync(world, compra);
        var refunded = world.Probe.AppliedAsync(compra.Id, c => c.PagosExtraReembolsadoCentavos == 1500);
        await world.ControlAsync("/faults", new { target = "webhook", mode = "duplicate", count = 6 });
        await world.ControlAsync("/faults", new { target = "webhook", mode = "reorder", count = 2 });

        await world.PayAsync(compra, "approve");
        await refunded;
        await world.ControlAsync("/clock/advance", new { seconds = 1 });
        await world.RunTimerAsync();
        var second = await PurchaseDisputeTests.PaymentOfAsync(world, compra, index: 1);
        var payments = await PaymentsAsync(world);
        var row = await PurchaseDisputeTests.AdminCompraAsync(world, compra);
        var money = await MoneyAsync(world);

        Assert.Equal(("approved", 0), (payments[first].Status, payments[first].Refunds));
        Assert.Equal(("refunded", 1), (payments[second].Status, payments[second].Refunds));
        Assert.Single(world.UsersOf(compra.Id));
        Assert.Equal(1, world.UserAdds());
        Assert.Equal(("provisionada", first, true, "15.00", "15.00"), (row.GetProperty("estado").GetString(), row.GetProperty("pago_proveedor_id").GetString(),
            row.GetProperty("pago_duplicado").GetBoolean(), row.GetProperty("pagos_extra").GetRawText(), row.GetProperty("pagos_extra_reembolsados").GetRawText()));
        Assert.Equal(("30.00", "15.00", "15.00", 1), money);
    }

    [Fact]
    public async Task A_second_payment_after_a_full_refund_is_refunded_too_and_gives_no_access()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await PurchaseDisputeTests.ProvisionedAsync(world, "mercado_pago");
        using (var refund = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/compras/{compra.Id}/reembolso") { Content = JsonContent.Create(new { motivo = "duplicado" }) })
        {
            refund.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", world.RootToken);
            using var answer = await world.Host.Host.Client.SendAsync(refund);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        var refunded = world.Probe.AppliedAsync(compra.Id, c => c.PagosExtraReembolsadoCentavos == 1500);
        await world.PayAsync(compra, "approve");
        await refunded;
        await world.RunTimerAsync();
        var payments = await PaymentsAsync(world);

        Assert.All(payments.Values, p => Assert.Equal(("refunded", 1), (p.Status, p.Refunds)));
        Assert.Equal(2, payments.Count);
        Assert.Empty(world.UsersOf(compra.Id));
        Assert.Equal("reembolsada", (await world.PollAsync(compra)).GetProperty("estado").GetString());
        Assert.Equal(("30.00", "30.00", "0.00", 1), await MoneyAsync(world));
    }

    private static async Task<Dictionary<string, (string Status, int Refunds)>> PaymentsAsync(SalesWorld world) =>
        JsonDocument.Parse(await world.Control.GetStringAsync(new Uri("/state", UriKind.Relative))).RootElement.GetProperty("payments").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => (p.GetProperty("status").GetString()!, p.GetProperty("refunds").GetArrayLength()));

    private static async Task<(string Brutas, string Reembolsos, string Netas, int Pagadas)> MoneyAsync(SalesWorld world)
    {
        var resumen = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/ventas/resumen?empresa_id={world.EmpresaId}", world.RootToken);
        var mxn = resumen.GetProperty("monedas").EnumerateArray().Single(m => m.GetProperty("moneda").GetString() == "MXN");
        return (mxn.GetProperty("ventas_brutas").GetRawText(), mxn.GetProperty("reembolsos").GetRawText(), mxn.GetProperty("netas").GetRawText(), mxn.GetProperty("pagadas").GetInt32());
    }
}
