using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Sales.Purchases;
using Hotspot.Sales.Purchases.Engine;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Purchases;

/// <summary>Refunds from the admin API and chargebacks from the provider: the money goes back once, and a full one takes the access away.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PurchaseRefundTests(AzuriteFixture azurite)
{
    private static async Task<Compra> ProvisionedAsync(SalesWorld world, string proveedor = "mercado_pago")
    {
        var compra = await world.BuyAsync(proveedor);
        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        return compra;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> RefundAsync(SalesWorld world, string compraId, object? body = null, string? key = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/compras/{compraId}/reembolso") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token ?? world.RootToken);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await world.Host.Host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<int> RefundsAtProviderAsync(SalesWorld world) =>
        JsonDocument.Parse(await world.Control.GetStringAsync(new Uri("/state", UriKind.Relative))).RootElement.GetProperty("payments")
            .EnumerateArray().Sum(p => p.GetProperty("refunds").GetArrayLength());

    [Theory]
    [InlineData("mercado_pago")]
    [InlineData("stripe")]
    public async Task A_full_refund_refunds_once_at_the_provider_and_leaves_no_access(string proveedor)
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await ProvisionedAsync(world, proveedor);
        var key = Guid.NewGuid().ToString();

        var first = await RefundAsync(world, compra.Id, new { motivo = "cliente insatisfecho" }, key);
        var again = await RefundAsync(world, compra.Id, new { motivo = "cliente insatisfecho" }, key);
        var withoutKey = await RefundAsync(world, compra.Id);
        // The provider's refund webhook may be removing the access at the same moment; the timer finishes whatever is left.
        await world.RunTimerAsync();
        var polled = await world.PollAsync(compra);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(("reembolsada", "15.00"), (first.Body.GetProperty("estado").GetString(), first.Body.GetProperty("monto_reembolsado").GetRawText()));
        Assert.Equal(first.Body.GetProperty("reembolso").GetRawText(), again.Body.GetProperty("reembolso").GetRawText());
        Assert.Equal(1, withoutKey.Body.GetProperty("reembolso").GetProperty("numero").GetInt32());
        Assert.Equal(1, await RefundsAtProviderAsync(world));
        Assert.Empty(world.UsersOf(compra.Id));
        Assert.Equal(("reembolsada", JsonValueKind.Null), (polled.GetProperty("estado").GetString(), polled.GetProperty("usuario_hotspot").ValueKind));
    }

    [Fact]
    public async Task A_partial_refund_keeps_the_access_and_a_second_one_for_the_rest_removes_it()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await ProvisionedAsync(world);

        var part = await RefundAsync(world, compra.Id, new { monto = 5.00m });
        var tooMuch = await RefundAsync(world, compra.Id, new { monto = 20.00m });
        var usersAfterPart = world.UsersOf(compra.Id).Count;
        var rest = await RefundAsync(world, compra.Id, new { monto = 10.00m });
        await world.RunTimerAsync();

        Assert.Equal(("provisionada", "5.00", false), (part.Body.GetProperty("estado").GetString(), part.Body.GetProperty("monto_reembolsado").GetRawText(), part.Body.GetProperty("acceso_retirado").GetBoolean()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.Status);
        Assert.Equal(1, usersAfterPart);
        Assert.Equal(("reembolsada", 2), (rest.Body.GetProperty("estado").GetString(), rest.Body.GetProperty("reembolso").GetProperty("numero").GetInt32()));
        Assert.Equal(2, await RefundsAtProviderAsync(world));
        Assert.Empty(world.UsersOf(compra.Id));
    }

    [Theory]
    [InlineData(PurchaseStep.RefundedAtProvider)]
    [InlineData(PurchaseStep.Revoked)]
    public async Task A_crash_during_a_refund_then_a_retry_refunds_once_and_removes_the_access(PurchaseStep step)
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await ProvisionedAsync(world);
        world.Probe.CrashAt(step);

        // The crash may hit the admin's request or the provider's refund webhook, whichever reaches the step first.
        await RefundAsync(world, compra.Id);
        await world.Probe.CrashedAsync(step);
        world.Host.Clock.Advance(TimeSpan.FromMinutes(2));
        var retried = await RefundAsync(world, compra.Id);
        await world.RunTimerAsync();

        Assert.Equal(("reembolsada", 1), (retried.Body.GetProperty("estado").GetString(), retried.Body.GetProperty("reembolso").GetProperty("numero").GetInt32()));
        Assert.Equal(1, await RefundsAtProviderAsync(world));
        Assert.Empty(world.UsersOf(compra.Id));
    }

    [Fact]
    public async Task A_refund_made_at_the_provider_and_a_mercado_pago_chargeback_both_remove_the_access()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var refunded = await ProvisionedAsync(world);
        var charged = await ProvisionedAsync(world);
        var state = JsonDocument.Parse(await world.Control.GetStringAsync(new Uri("/state", UriKind.Relative))).RootElement;
        string PaymentOf(Compra c) => state.GetProperty("checkouts").EnumerateArray().Single(k => k.GetProperty("id").GetString() == c.CheckoutId).GetProperty("payments")[0].GetString()!;

        await world.ControlAsync($"/payments/{PaymentOf(refunded)}/refund", new { });
        await world.ControlAsync($"/payments/{PaymentOf(charged)}/chargeback");
        await world.Probe.ReachedAsync(refunded.Id, CompraEstados.Reembolsada);
        await world.Probe.ReachedAsync(charged.Id, CompraEstados.Contracargo);
        await world.RunTimerAsync();

        Assert.Empty(world.UsersOf(refunded.Id));
        Assert.Empty(world.UsersOf(charged.Id));
        Assert.Equal("contracargo", (await world.PollAsync(charged)).GetProperty("estado").GetString());
    }

    [Fact]
    public async Task An_unpaid_purchase_has_nothing_to_refund_and_another_companys_admin_finds_nothing()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var unpaid = await world.BuyAsync();
        var paid = await ProvisionedAsync(world);
        var other = await world.Host.CreateEmpresaAsync(world.RootToken, "Otra");
        await world.Host.CreateUsuarioAsync(world.RootToken, "otra@ventas.test", "cliente_admin", other);
        var otherAdmin = await world.Host.LoginAsync("otra@ventas.test", Tenancy.TenancyHost.ClientePassword);

        var nothing = await RefundAsync(world, unpaid.Id);
        var foreign = await RefundAsync(world, paid.Id, token: otherAdmin);
        var unknown = await RefundAsync(world, $"{world.EmpresaId}-000000000222222");

        Assert.Equal(HttpStatusCode.Conflict, nothing.Status);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (foreign.Status, unknown.Status));
        Assert.Equal(foreign.Body.GetProperty("detail").GetString(), unknown.Body.GetProperty("detail").GetString());
        Assert.Single(world.UsersOf(paid.Id));
        Assert.Equal(0, await RefundsAtProviderAsync(world));
    }
}
