using System.Net;
using System.Text.Json;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Purchases;

/// <summary>
/// The buyer leaves without paying: "Cancelar y volver" on the hosted page, or "abandon" on the portal. The purchase
/// moves at once (its checkout closed at the provider), and a payment made meanwhile is never lost.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PurchaseCancelTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("mercado_pago")]
    [InlineData("stripe")]
    public async Task Cancel_and_return_on_the_hosted_page_cancels_the_purchase_at_once_and_the_checkout_takes_no_more_payments(string proveedor)
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync(proveedor);

        using var cancelled = await world.Browser.PostAsync(compra.UrlPago, new FormUrlEncodedContent([KeyValuePair.Create("action", "cancel")]));
        var back = cancelled.Headers.Location!;
        using var retorno = await world.Browser.GetAsync(back);
        var after = await world.PollAsync(compra);
        using var payLater = await world.Browser.PostAsync(compra.UrlPago, new FormUrlEncodedContent([KeyValuePair.Create("action", "approve")]));

        Assert.Contains("resultado=fallo", back.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, retorno.StatusCode);
        Assert.Equal(("cancelada", "El pago fue cancelado."), (after.GetProperty("estado").GetString(), after.GetProperty("mensaje").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, payLater.StatusCode);
        Assert.Empty(world.UsersOf(compra.Id));
    }

    [Fact]
    public async Task A_cancel_return_within_the_provider_poll_interval_does_not_ask_the_provider_again()
    {
        await using var world = await SalesWorld.StartAsync(azurite, settings: new() { ["Hotspot:Ventas:ProviderPollSeconds"] = "3600" });
        var compra = await world.BuyAsync("stripe");
        await world.PollAsync(compra);

        using var cancelled = await world.Browser.PostAsync(compra.UrlPago, new FormUrlEncodedContent([KeyValuePair.Create("action", "cancel")]));
        using var retorno = await world.Browser.GetAsync(cancelled.Headers.Location!);
        var after = await world.PollAsync(compra);

        Assert.Equal(HttpStatusCode.Redirect, retorno.StatusCode);
        Assert.Equal("pendiente_pago", after.GetProperty("estado").GetString());
    }

    [Theory]
    [InlineData("mercado_pago")]
    [InlineData("stripe")]
    public async Task Abandoning_an_unpaid_purchase_cancels_it_and_closes_its_checkout(string proveedor)
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync(proveedor);

        var (status, body) = await AbandonAsync(world, compra.Id, compra.Token);
        using var payLater = await world.Browser.PostAsync(compra.UrlPago, new FormUrlEncodedContent([KeyValuePair.Create("action", "approve")]));
        var historial = await HistoryAsync(world, compra.Id);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("cancelada", "El pago fue cancelado."), (body.GetProperty("estado").GetString(), body.GetProperty("mensaje").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("usuario_hotspot").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, payLater.StatusCode);
        Assert.Contains(historial, t => t.GetProperty("hacia").GetString() == "cancelada" && t.GetProperty("senal").GetString() == "abandono");
    }

    [Fact]
    public async Task Abandoning_a_purchase_paid_meanwhile_does_not_cancel_it_it_provisions_and_the_token_still_finds_it()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync("stripe");
        await world.PayAsync(compra, "approve");

        var (status, body) = await AbandonAsync(world, compra.Id, compra.Token);
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        var after = await world.PollAsync(compra);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(body.GetProperty("estado").GetString(), new[] { "aprobada", "provisionada" });
        Assert.Equal("provisionada", after.GetProperty("estado").GetString());
        Assert.Single(world.UsersOf(compra.Id));
    }

    [Fact]
    public async Task An_abandoned_cash_purchase_paid_later_still_provisions_and_the_token_finds_it()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync("mercado_pago");
        var pending = await world.PayAsync(compra, "pending");
        await world.PollAsync(compra);

        var (_, body) = await AbandonAsync(world, compra.Id, compra.Token);
        var payment = pending.GetProperty("payments")[0].GetString()!;
        await world.ControlAsync($"/payments/{payment}/settle", new { paid = true });
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        var after = await world.PollAsync(compra);

        Assert.Equal("cancelada", body.GetProperty("estado").GetString());
        Assert.Equal("provisionada", after.GetProperty("estado").GetString());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("usuario_hotspot").ValueKind);
    }

    [Fact]
    public async Task Abandon_with_a_wrong_token_is_404_and_changes_nothing()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync();

        var (status, _) = await AbandonAsync(world, compra.Id, "tq_wrong");
        var after = await world.PollAsync(compra);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("pendiente_pago", after.GetProperty("estado").GetString());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> AbandonAsync(SalesWorld world, string id, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/compras/{id}/abandonar");
        request.Headers.Add("X-API-Key", world.ApiKey);
        request.Headers.Add(CompraEndpoints.ConsultTokenHeader, token);
        using var response = await world.Host.Host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<IReadOnlyList<JsonElement>> HistoryAsync(SalesWorld world, string id)
    {
        var compra = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/compras/{id}", world.RootToken);
        return [.. compra.GetProperty("historial").EnumerateArray()];
    }
}
