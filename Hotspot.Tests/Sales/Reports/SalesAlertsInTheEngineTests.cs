using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Sales.Purchases;

namespace Hotspot.Tests.Sales.Reports;

/// <summary>The purchase engine raises the sales alerts: real purchases, the payment simulator, the RouterOS simulator.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SalesAlertsInTheEngineTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_paid_purchase_the_router_refuses_asks_for_an_operator_in_the_audit_log()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        // The product's profile is gone from the router: the router refuses the user, and no retry can fix that.
        var client = await world.Router.ConnectAsync();
        var profile = (await client.GetHotspotUserProfilesAsync(null, CancellationToken.None)).Single(p => p.Name == SalesWorld.Profile);
        await client.SendAsync(RouterOsCommand.Remove(MikrotikMenus.HotspotUserProfiles, [profile.Id]), CancellationToken.None);

        var compra = await world.BuyAsync();
        // The provider's webhook is lost; the portal's poll asks the provider and does the router work itself.
        await world.ControlAsync("/faults", new { target = "webhook", mode = "drop" });
        await world.PayAsync(compra, "approve");
        var estado = await world.PollAsync(compra);
        await world.PollAsync(compra);

        Assert.Equal("requiere_atencion", estado.GetProperty("estado").GetString());
        Assert.Equal([$"compra:{compra.Id}"], await AlertsAsync(world, "alerta.requiere_atencion"));
    }

    [Fact]
    public async Task Two_approved_payments_for_one_purchase_raise_one_duplicate_payment_alert()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync();
        var first = await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);

        // Checkout Pro takes a second payment on the same preference (a double tap on another device); its
        // notification is delivered here, twice, as providers redeliver.
        await world.ControlAsync("/faults", new { target = "webhook", mode = "drop" });
        var second = await world.PayAsync(compra, "approve");
        var secondId = second.GetProperty("payments").EnumerateArray().Last().GetString()!;
        using var delivered = await PostSignedMercadoPagoWebhookAsync(world, secondId, world.Secrets[1], "req-second-1");
        using var redelivered = await PostSignedMercadoPagoWebhookAsync(world, secondId, world.Secrets[1], "req-second-2");

        var pagos = new[] { first, second }.Select(p => p.GetProperty("payments").EnumerateArray().Last().GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal([$"compra:{compra.Id} pagos:mercado_pago:{string.Join(',', pagos)}"], await AlertsAsync(world, "alerta.pago_duplicado"));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (delivered.StatusCode, redelivered.StatusCode));
        Assert.Single(world.UsersOf(compra.Id));
    }

    [Fact]
    public async Task A_verified_payment_that_names_no_purchase_of_ours_raises_an_orphan_payment_alert()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var (accessToken, webhookSecret) = (world.Secrets[0], world.Secrets[1]);
        // A sale made on the company's Mercado Pago account by something other than Hotspot.
        using var api = new HttpClient { BaseAddress = world.Payments.ApiBaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var preference = await api.PostAsJsonAsync("/checkout/preferences", new
        {
            items = new[] { new { title = "Otra cosa", quantity = 1, unit_price = 99.00m, currency_id = "MXN" } }, external_reference = "pedido-ajeno-42",
        });
        var preferenceId = JsonDocument.Parse(await preference.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var paid = await world.ControlAsync($"/checkouts/{preferenceId}/pay", new { outcome = "approve" });
        var paymentId = paid.GetProperty("payments")[0].GetString()!;

        using var webhook = await PostSignedMercadoPagoWebhookAsync(world, paymentId, webhookSecret, "req-orphan-1");

        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        Assert.Equal([$"pago:mercado_pago:{paymentId}"], await AlertsAsync(world, "alerta.pago_huerfano"));
    }

    /// <summary>Mercado Pago's notification for a payment, signed as Mercado Pago signs it, sent to the company's webhook URL.</summary>
    private static async Task<HttpResponseMessage> PostSignedMercadoPagoWebhookAsync(SalesWorld world, string paymentId, string secret, string requestId)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var manifest = $"id:{paymentId.ToLowerInvariant()};request-id:{requestId};ts:{ts};";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(manifest)));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/webhooks/mercado_pago/{world.EmpresaId}?data.id={paymentId}&type=payment")
        {
            Content = JsonContent.Create(new { action = "payment.updated", api_version = "v1", type = "payment", data = new { id = paymentId } }),
        };
        request.Headers.Add("x-signature", $"ts={ts},v1={signature}");
        request.Headers.Add("x-request-id", requestId);
        return await world.Host.Host.Client.SendAsync(request);
    }

    private static async Task<IReadOnlyList<string?>> AlertsAsync(SalesWorld world, string accion)
    {
        var page = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/audit?limit=200", world.RootToken);
        return [.. page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("accion").GetString() == accion).Select(e => e.GetProperty("objetivo").GetString())];
    }
}
