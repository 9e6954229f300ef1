using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Purchases;

/// <summary>
/// What the chaos run found when things arrive together: copies of one webhook, refunds with one Idempotency-Key or
/// several at once, a burst of first purchases on a fresh store. Everything through HTTP and the simulators.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PurchaseMoneyRaceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Thirty_parallel_copies_of_one_signed_webhook_are_handled_once()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync("stripe");
        await world.ControlAsync("/faults", new { target = "webhook", mode = "drop", count = 10 });
        await world.PayAsync(compra, "approve");
        var body = JsonSerializer.Serialize(new
        {
            id = "evt_" + Guid.NewGuid().ToString("N"), @object = "event", type = "checkout.session.completed",
            data = new { @object = new { id = compra.CheckoutId, @object = "checkout.session", client_reference_id = compra.Id, payment_status = "paid", status = "complete" } },
        });
        var t = world.Host.Clock.GetUtcNow().ToUnixTimeSeconds();
        var signature = $"t={t},v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(world.Secrets[3]), Encoding.UTF8.GetBytes($"{t}.{body}")));

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/webhooks/stripe/{world.EmpresaId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
            using var response = await world.Host.Host.Client.SendAsync(request);
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("duplicado").GetBoolean());
        }));
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(answers, a => !a.Item2);
        Assert.Equal(1, world.UserAdds());
        Assert.Single(world.UsersOf(compra.Id));
    }

    [Fact]
    public async Task A_reused_idempotency_key_with_another_amount_is_409_and_concurrent_partial_refunds_each_get_their_own_answer()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await PurchaseDisputeTests.ProvisionedAsync(world, "mercado_pago");
        var key = Guid.NewGuid().ToString();

        var first = await RefundAsync(world, compra.Id, 2.00m, key);
        var reused = await RefundAsync(world, compra.Id, 3.00m, key);
        var repeated = await RefundAsync(world, compra.Id, 2.00m, key);
        var parallel = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RefundAsync(world, compra.Id, 4.00m, Guid.NewGuid().ToString())));
        var beyond = await RefundAsync(world, compra.Id, 1.01m, Guid.NewGuid().ToString());
        var state = JsonDocument.Parse(await world.Control.GetStringAsync(new Uri("/state", UriKind.Relative))).RootElement;
        var atProvider = state.GetProperty("payments").EnumerateArray().Sum(p => p.GetProperty("refunds").GetArrayLength());

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, reused.Status);
        Assert.Equal(first.Body.GetProperty("reembolso").GetRawText(), repeated.Body.GetProperty("reembolso").GetRawText());
        Assert.All(parallel, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Equal([2, 3, 4], parallel.Select(p => p.Body.GetProperty("reembolso").GetProperty("numero").GetInt32()).Order());
        Assert.All(parallel, p => Assert.Equal("4.00", p.Body.GetProperty("reembolso").GetProperty("monto").GetRawText()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, beyond.Status);
        Assert.Equal(4, atProvider);
    }

    [Fact]
    public async Task A_burst_of_first_purchases_on_a_fresh_store_gives_every_buyer_a_token_and_a_password_that_work()
    {
        await using var world = await SalesWorld.StartAsync(azurite);

        var compras = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => world.BuyAsync(mac: $"AA:BB:CC:DD:EE:{i + 16:X2}")));
        foreach (var compra in compras)
        {
            await world.PayAsync(compra, "approve");
        }

        await Task.WhenAll(compras.Select(c => world.Probe.ReachedAsync(c.Id, CompraEstados.Provisionada)));
        foreach (var compra in compras)
        {
            var polled = await world.PollAsync(compra);
            var user = Assert.Single(world.UsersOf(compra.Id));
            Assert.Equal(("provisionada", user["name"], user["password"]), (polled.GetProperty("estado").GetString(),
                polled.GetProperty("usuario_hotspot").GetProperty("usuario").GetString(), polled.GetProperty("usuario_hotspot").GetProperty("contrasena").GetString()));
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> RefundAsync(SalesWorld world, string compraId, decimal monto, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/compras/{compraId}/reembolso") { Content = JsonContent.Create(new { monto }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", world.RootToken);
        request.Headers.Add("Idempotency-Key", key);
        using var response = await world.Host.Host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
