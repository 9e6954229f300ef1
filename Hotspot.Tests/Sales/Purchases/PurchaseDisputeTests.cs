using System.Net;
using System.Text.Json;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Purchases;

/// <summary>
/// Disputes from the provider's side, end to end: the simulator opens and closes them and sends the signed webhooks
/// (Stripe charge.dispute.created/closed, Mercado Pago in_mediation then approved or charged_back). The money leaves
/// the summary when the dispute opens; the access stays while it is open; won gives the money back; lost is a
/// contracargo that takes the access away.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PurchaseDisputeTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("mercado_pago")]
    [InlineData("stripe")]
    public async Task An_open_dispute_takes_the_money_at_once_keeps_the_access_and_won_gives_the_money_back(string proveedor)
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await ProvisionedAsync(world, proveedor);
        var payment = await PaymentOfAsync(world, compra);

        var opened = world.Probe.AppliedAsync(compra.Id, c => c.Disputa == CompraDisputas.Abierta);
        await world.ControlAsync($"/payments/{payment}/dispute");
        await opened;
        var whileOpen = await MoneyAsync(world);
        var rowWhileOpen = await AdminCompraAsync(world, compra);
        var usersWhileOpen = world.UsersOf(compra.Id).Count;

        var won = world.Probe.AppliedAsync(compra.Id, c => c.Disputa == CompraDisputas.Ganada);
        await world.ControlAsync($"/payments/{payment}/dispute/close", new { outcome = "won" });
        await won;
        await world.RunTimerAsync();
        var afterWon = await MoneyAsync(world);

        Assert.Equal(("15.00", "15.00", "0.00", "0.00"), whileOpen);
        Assert.Equal(("provisionada", "abierta", "15.00"),
            (rowWhileOpen.GetProperty("estado").GetString(), rowWhileOpen.GetProperty("disputa").GetString(), rowWhileOpen.GetProperty("monto_en_disputa").GetRawText()));
        Assert.Equal(1, usersWhileOpen);
        Assert.Equal(("15.00", "0.00", "0.00", "15.00"), afterWon);
        Assert.Single(world.UsersOf(compra.Id));
        Assert.Equal("provisionada", (await world.PollAsync(compra)).GetProperty("estado").GetString());
    }

    [Theory]
    [InlineData("mercado_pago")]
    [InlineData("stripe")]
    public async Task A_lost_dispute_is_a_contracargo_that_removes_the_access_and_counts_as_a_chargeback(string proveedor)
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await ProvisionedAsync(world, proveedor);
        var payment = await PaymentOfAsync(world, compra);
        var opened = world.Probe.AppliedAsync(compra.Id, c => c.Disputa == CompraDisputas.Abierta);
        await world.ControlAsync($"/payments/{payment}/dispute");
        await opened;

        await world.ControlAsync($"/payments/{payment}/dispute/close", new { outcome = "lost" });
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Contracargo);
        await world.RunTimerAsync();
        var money = await MoneyAsync(world);
        var row = await AdminCompraAsync(world, compra);

        Assert.Empty(world.UsersOf(compra.Id));
        Assert.Equal(("contracargo", "perdida", "0.00"), (row.GetProperty("estado").GetString(), row.GetProperty("disputa").GetString(), row.GetProperty("monto_en_disputa").GetRawText()));
        Assert.Equal(("15.00", "0.00", "15.00", "0.00"), money);
        Assert.Equal("contracargo", (await world.PollAsync(compra)).GetProperty("estado").GetString());
    }

    [Fact]
    public async Task The_simulator_refuses_to_close_a_dispute_that_is_not_open_and_an_outcome_it_does_not_know()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await ProvisionedAsync(world, "stripe");
        var payment = await PaymentOfAsync(world, compra);

        using var notOpen = await world.Control.PostAsync($"/payments/{payment}/dispute/close", JsonBody(new { outcome = "won" }));
        using var unknown = await world.Control.PostAsync($"/payments/{payment}/dispute/close", JsonBody(new { outcome = "tie" }));

        Assert.Equal(HttpStatusCode.Conflict, notOpen.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    internal static async Task<Compra> ProvisionedAsync(SalesWorld world, string proveedor)
    {
        var compra = await world.BuyAsync(proveedor);
        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        return compra;
    }

    internal static async Task<string> PaymentOfAsync(SalesWorld world, Compra compra, int index = 0)
    {
        var state = JsonDocument.Parse(await world.Control.GetStringAsync(new Uri("/state", UriKind.Relative))).RootElement;
        return state.GetProperty("checkouts").EnumerateArray().Single(k => k.GetProperty("id").GetString() == compra.CheckoutId).GetProperty("payments")[index].GetString()!;
    }

    /// <summary>The company's MXN summary: ventas_brutas, en_disputa, contracargos, netas.</summary>
    internal static async Task<(string Brutas, string EnDisputa, string Contracargos, string Netas)> MoneyAsync(SalesWorld world)
    {
        var resumen = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/ventas/resumen?empresa_id={world.EmpresaId}", world.RootToken);
        var mxn = resumen.GetProperty("monedas").EnumerateArray().Single(m => m.GetProperty("moneda").GetString() == "MXN");
        return (mxn.GetProperty("ventas_brutas").GetRawText(), mxn.GetProperty("en_disputa").GetRawText(), mxn.GetProperty("contracargos").GetRawText(), mxn.GetProperty("netas").GetRawText());
    }

    internal static Task<JsonElement> AdminCompraAsync(SalesWorld world, Compra compra) =>
        world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/compras/{compra.Id}", world.RootToken);

    private static StringContent JsonBody(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
