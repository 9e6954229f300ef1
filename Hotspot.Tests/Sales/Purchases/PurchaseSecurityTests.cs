using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.Sales.Purchases;

/// <summary>Webhooks that are forged, tampered with or replayed are refused; purchases stay within their company; no secret reaches a log or an answer.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PurchaseSecurityTests(AzuriteFixture azurite)
{
    private static string StripeSignature(string secret, long timestamp, string body) =>
        $"t={timestamp},v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private static string CompletedEvent(string compraId, string sessionId) => JsonSerializer.Serialize(new
    {
        id = "evt_" + Guid.NewGuid().ToString("N"), @object = "event", type = "checkout.session.completed",
        data = new { @object = new { id = sessionId, @object = "checkout.session", client_reference_id = compraId, payment_status = "paid", status = "complete" } },
    });

    private static async Task<HttpResponseMessage> PostWebhookAsync(SalesWorld world, string path, string body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await world.Host.Host.Client.SendAsync(request);
    }

    [Fact]
    public async Task Forged_tampered_stale_and_unsigned_webhooks_are_refused_with_401_and_write_nothing()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync("stripe");
        var secret = world.Secrets[3];
        var now = world.Host.Clock.GetUtcNow().ToUnixTimeSeconds();
        var body = CompletedEvent(compra.Id, compra.CheckoutId);
        var stripePath = $"/api/v1/webhooks/stripe/{world.EmpresaId}";
        var mpPath = $"/api/v1/webhooks/mercado_pago/{world.EmpresaId}?data.id=123&type=payment";
        var before = await TableScan.AllValuesAsync(world.Host.Host.Services);

        HttpStatusCode[] statuses =
        [
            (await PostWebhookAsync(world, stripePath, body, ("Stripe-Signature", StripeSignature("whsec_forged", now, body)))).StatusCode,
            (await PostWebhookAsync(world, stripePath, body.Replace("paid", "PAID", StringComparison.Ordinal), ("Stripe-Signature", StripeSignature(secret, now, body)))).StatusCode,
            (await PostWebhookAsync(world, stripePath, body, ("Stripe-Signature", StripeSignature(secret, now - 3600, body)))).StatusCode,
            (await PostWebhookAsync(world, stripePath, body)).StatusCode,
            (await PostWebhookAsync(world, $"/api/v1/webhooks/stripe/{world.EmpresaId + 1000}", body, ("Stripe-Signature", StripeSignature(secret, now, body)))).StatusCode,
            (await PostWebhookAsync(world, mpPath, "{\"action\":\"payment.updated\",\"data\":{\"id\":\"123\"}}", ("x-request-id", "r-1"), ("x-signature", $"ts={now},v1={new string('a', 64)}"))).StatusCode,
        ];
        var after = await TableScan.AllValuesAsync(world.Host.Host.Services);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(before, after);
        Assert.Equal("pendiente_pago", (await world.PollAsync(compra)).GetProperty("estado").GetString());
    }

    [Fact]
    public async Task A_correctly_signed_webhook_that_claims_a_payment_the_provider_does_not_know_changes_nothing_and_a_replay_is_a_duplicate()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync("stripe");
        var body = CompletedEvent(compra.Id, compra.CheckoutId);
        var signature = StripeSignature(world.Secrets[3], world.Host.Clock.GetUtcNow().ToUnixTimeSeconds(), body);
        var path = $"/api/v1/webhooks/stripe/{world.EmpresaId}";

        using var first = await PostWebhookAsync(world, path, body, ("Stripe-Signature", signature));
        using var replay = await PostWebhookAsync(world, path, body, ("Stripe-Signature", signature));
        var polled = await world.PollAsync(compra);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        Assert.False(JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("duplicado").GetBoolean());
        Assert.True(JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement.GetProperty("duplicado").GetBoolean());
        Assert.Equal(("pendiente_pago", JsonValueKind.Null), (polled.GetProperty("estado").GetString(), polled.GetProperty("usuario_hotspot").ValueKind));
        Assert.Empty(world.UsersOf(compra.Id));
    }

    [Fact]
    public async Task Another_routers_key_a_wrong_token_and_an_unknown_id_all_answer_the_same_404()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync();
        var otherEmpresa = await world.Host.CreateEmpresaAsync(world.RootToken, "Otra");
        var otherRouter = await world.Host.CreateMikrotikRouterAsync(world.RootToken, otherEmpresa, "Otro");
        var (_, otherKey) = await world.Host.IssueApiKeyAsync(world.RootToken, otherRouter);
        var unknownId = $"{world.EmpresaId}-000000000222222";

        using var foreign = await world.GetCompraAsync(compra.Id, compra.Token, otherKey);
        using var wrongToken = await world.GetCompraAsync(compra.Id, compra.Token[..^2] + "xx");
        using var noToken = await world.GetCompraAsync(compra.Id, null);
        using var unknown = await world.GetCompraAsync(unknownId, compra.Token);
        using var wrongReturn = await world.Browser.GetAsync(new Uri(world.Host.Host.Client.BaseAddress!, $"/api/v1/compras/{compra.Id}/retorno?t=tq_wrong"));

        var bodies = new List<string>();
        foreach (var response in new[] { foreign, wrongToken, noToken, unknown, wrongReturn })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            bodies.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!);
        }

        Assert.Single(bodies.Distinct());
    }

    [Fact]
    public async Task No_provider_secret_password_or_consult_token_reaches_a_log_an_answer_or_the_audit_list()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync("stripe");
        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        using var retorno = await world.Browser.GetAsync(new Uri(world.Host.Host.Client.BaseAddress!, $"/api/v1/compras/{compra.Id}/retorno?t={Uri.EscapeDataString(compra.Token)}"));
        var password = (await world.PollAsync(compra)).GetProperty("usuario_hotspot").GetProperty("contrasena").GetString()!;
        var configured = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/empresas/{world.EmpresaId}/pagos/stripe", world.RootToken,
            new { api_key = world.Secrets[2], webhook_secret = world.Secrets[3] });
        var audit = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/audit", world.RootToken);

        string[] secrets = [.. world.Secrets, password, compra.Token, Uri.EscapeDataString(compra.Token)];
        Assert.Equal(HttpStatusCode.Redirect, retorno.StatusCode);
        Assert.Equal(
            ["empresa_id", "proveedor", "configurado", "webhook_url"],
            configured.EnumerateObject().Select(p => p.Name));
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("accion").GetString() == "pagos.configurar");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, configured.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, audit.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(world.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Only_the_companys_own_admin_sets_its_payment_credentials()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var other = await world.Host.CreateEmpresaAsync(world.RootToken, "Otra");
        await world.Host.CreateUsuarioAsync(world.RootToken, "otra@pagos.test", "cliente_admin", other);
        var otherAdmin = await world.Host.LoginAsync("otra@pagos.test", TenancyHost.ClientePassword);

        using var foreign = await world.Host.SendAsync(HttpMethod.Put, $"/api/v1/admin/empresas/{world.EmpresaId}/pagos/stripe", otherAdmin, new { api_key = "sk_x", webhook_secret = "whsec_x" });
        using var unknownProvider = await world.Host.SendAsync(HttpMethod.Put, $"/api/v1/admin/empresas/{world.EmpresaId}/pagos/paypal", world.RootToken, new { api_key = "x", webhook_secret = "y" });
        using var missing = await world.Host.SendAsync(HttpMethod.Put, $"/api/v1/admin/empresas/{other}/pagos/stripe", otherAdmin, new { api_key = "" });
        var compra = await world.BuyAsync("stripe");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (foreign.StatusCode, unknownProvider.StatusCode));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Equal("pendiente_pago", compra.Body.GetProperty("estado").GetString());
    }
}
