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

    [Fact]
    public async Task A_stripe_buyer_pays_on_the_hosted_page_and_returns_through_retorno_to_the_routers_login_page_with_the_purchase_in_var()
    {
        await using var world = await SalesWorld.StartAsync(azurite);

        var compra = await world.BuyAsync("stripe");
        var page = await world.Browser.GetStringAsync(compra.UrlPago);
        using var paid = await world.Browser.PostAsync(compra.UrlPago, new FormUrlEncodedContent([KeyValuePair.Create("action", "approve")]));
        var back = paid.Headers.Location!;
        using var retorno = await world.Browser.GetAsync(back);
        var login = retorno.Headers.Location!;
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        var after = await world.PollAsync(compra);

        Assert.Contains("15.00", page, StringComparison.Ordinal);
        Assert.Equal(world.Host.Host.Client.BaseAddress!.Authority, back.Authority);
        Assert.Equal($"/api/v1/compras/{compra.Id}/retorno", back.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, retorno.StatusCode);
        Assert.Equal(SalesWorld.LoginUrl, login.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(login.Query);
        Assert.Equal((compra.Id + "." + compra.Token, "http://example.com/"), (query["var"], query["dst"]));
        Assert.Equal("provisionada", after.GetProperty("estado").GetString());
        Assert.Single(world.UsersOf(compra.Id));
    }

    [Fact]
    public async Task The_same_key_and_body_answer_the_same_body_another_body_is_409_and_a_missing_key_is_400()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var order = world.WithProduct(SalesWorld.Order());
        var key = Guid.NewGuid().ToString();

        using var first = await world.PostCompraAsync(order, key);
        using var replay = await world.PostCompraAsync(order, key);
        using var other = await world.PostCompraAsync(world.WithProduct(SalesWorld.Order(mac: "AA:BB:CC:DD:EE:01")), key);
        using var missing = await world.PostCompraAsync(order, idempotencyKey: null);
        var state = await world.Control.GetStringAsync(new Uri("/state", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, replay.StatusCode));
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(firstBody, await replay.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains(CompraEndpoints.ReplayedHeader));
        Assert.Equal("true", replay.Headers.GetValues(CompraEndpoints.ReplayedHeader).Single());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var id = JsonDocument.Parse(firstBody).RootElement.GetProperty("id_compra").GetString()!;
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(state, $"\"{id}\""));
    }

    [Fact]
    public async Task A_provider_that_fails_on_create_answers_503_with_retry_after_and_the_same_key_resumes_the_purchase()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var order = world.WithProduct(SalesWorld.Order("stripe"));
        var key = Guid.NewGuid().ToString();
        await world.ControlAsync("/faults", new { target = "create", mode = "error", status = 503, count = 1 });

        using var down = await world.PostCompraAsync(order, key);
        using var resumed = await world.PostCompraAsync(order, key);
        var body = JsonDocument.Parse(await resumed.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.NotNull(down.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, resumed.StatusCode);
        Assert.Equal("pendiente_pago", body.GetProperty("estado").GetString());
        var compra = Compra.From(body);
        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        Assert.Single(world.UsersOf(compra.Id));
    }

    [Fact]
    public async Task A_rejected_payment_gives_no_user_and_a_cash_payment_gives_one_only_once_it_settles()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var rejected = await world.BuyAsync();
        var cash = await world.BuyAsync(mac: "AA:BB:CC:DD:EE:02");

        await world.PayAsync(rejected, "reject");
        var paid = await world.PayAsync(cash, "pending");
        await world.Probe.ReachedAsync(rejected.Id, CompraEstados.Rechazada);
        await world.Probe.ReachedAsync(cash.Id, CompraEstados.EnProceso);
        var pending = await world.PollAsync(cash);
        var usersWhilePending = world.UsersOf(cash.Id).Count;
        await world.ControlAsync($"/payments/{paid.GetProperty("payments")[0].GetString()}/settle", new { paid = true });
        await world.Probe.ReachedAsync(cash.Id, CompraEstados.Provisionada);
        var refused = await world.PollAsync(rejected);

        Assert.Equal(("rechazada", "El pago fue rechazado."), (refused.GetProperty("estado").GetString(), refused.GetProperty("mensaje").GetString()));
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("usuario_hotspot").ValueKind);
        Assert.Empty(world.UsersOf(rejected.Id));
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("usuario_hotspot").ValueKind);
        Assert.Equal(0, usersWhilePending);
        Assert.Single(world.UsersOf(cash.Id));
    }

    [Fact]
    public async Task Bad_fields_are_named_an_unknown_product_is_404_and_nothing_is_bought()
    {
        await using var world = await SalesWorld.StartAsync(azurite);

        using var invalid = await world.PostCompraAsync(new
        {
            producto_id = world.ProductoId, proveedor = "paypal", mac_cliente = "zz", ip_cliente = "10.0.0.999", email_cliente = "no", url_login = "javascript:alert(1)",
        }, Guid.NewGuid().ToString());
        using var unknown = await world.PostCompraAsync(SalesWorld.Order(productoId: $"{world.RouterId}-ZZZZZZ"), Guid.NewGuid().ToString());
        using var malformed = await world.PostCompraAsync("{\"producto_id\": ", Guid.NewGuid().ToString());
        var state = await world.Control.GetStringAsync(new Uri("/state", UriKind.Relative));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var errors = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["email_cliente", "ip_cliente", "mac_cliente", "proveedor", "url_login"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.DoesNotContain("external_reference\":\"", state, StringComparison.Ordinal);
    }
}
