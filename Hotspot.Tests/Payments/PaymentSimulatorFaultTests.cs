using System.Text.Json;
using Hotspot.Sales.Payments;
using Hotspot.Sales.Payments.Webhooks;

namespace Hotspot.Tests.Payments;

/// <summary>
/// Webhook faults set on the control port, as our endpoint will meet them: duplicated, dropped, reordered, delayed,
/// and retried after our endpoint refuses one. Every wait is on an arrival, never on time.
/// </summary>
public sealed class PaymentSimulatorFaultTests : IAsyncLifetime
{
    private PaymentTestBed _bed = null!;
    private IPaymentProvider _mercadoPago = null!;
    private PaymentAccount _account = null!;
    private IWebhookVerifier _verifier = null!;

    public async Task InitializeAsync()
    {
        _bed = await PaymentTestBed.StartAsync();
        _mercadoPago = _bed.Providers.Provider(PaymentProviderKind.MercadoPago);
        _account = await _bed.AccountAsync(PaymentProviderKind.MercadoPago);
        _verifier = _bed.Providers.Verifier(PaymentProviderKind.MercadoPago);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_duplicated_webhook_arrives_twice_with_the_same_dedupe_key_and_both_verify()
    {
        await _bed.ControlAsync("/faults", new { target = "webhook", mode = "duplicate" });

        await PayAsync("approve");
        var first = Verified(await _bed.Webhooks.NextAsync());
        var second = Verified(await _bed.Webhooks.NextAsync());

        Assert.Equal(first.DedupeKey, second.DedupeKey);
        Assert.Equal(first.ResourceId, second.ResourceId);
    }

    [Fact]
    public async Task A_dropped_webhook_never_arrives_and_the_log_says_so()
    {
        await _bed.ControlAsync("/faults", new { target = "webhook", mode = "drop" });

        var (_, paymentId) = await PayAsync("approve");
        await _bed.ControlAsync($"/payments/{paymentId}/chargeback");
        var next = await _bed.Webhooks.NextAsync();
        var log = await _bed.GetControlAsync("/webhooks");

        Assert.Contains("payment.updated", PaymentTestBed.Text(next), StringComparison.Ordinal);
        Assert.Contains(log.EnumerateArray(), d => d.GetProperty("event_type").GetString() == "payment.created" && d.GetProperty("outcome").GetString() == "dropped");
    }

    [Fact]
    public async Task A_reordered_webhook_arrives_after_the_one_that_followed_it()
    {
        await _bed.ControlAsync("/faults", new { target = "webhook", mode = "reorder" });

        var (_, paymentId) = await PayAsync("approve");
        await _bed.ControlAsync($"/payments/{paymentId}/chargeback");
        var first = await _bed.Webhooks.NextAsync();
        var second = await _bed.Webhooks.NextAsync();

        Assert.Contains("payment.updated", PaymentTestBed.Text(first), StringComparison.Ordinal);
        Assert.Contains("payment.created", PaymentTestBed.Text(second), StringComparison.Ordinal);
        Verified(second);
    }

    [Fact]
    public async Task A_delayed_webhook_waits_for_the_simulator_clock_and_is_signed_when_sent()
    {
        await _bed.ControlAsync("/faults", new { target = "webhook", mode = "delay", seconds = 120 });

        var (_, paymentId) = await PayAsync("approve");
        await _bed.ControlAsync($"/payments/{paymentId}/chargeback");
        var undelayed = await _bed.Webhooks.NextAsync();
        await _bed.ControlAsync("/clock/advance", new { seconds = 121 });
        var delayed = await _bed.Webhooks.NextAsync();

        Assert.Contains("payment.updated", PaymentTestBed.Text(undelayed), StringComparison.Ordinal);
        Assert.Contains("payment.created", PaymentTestBed.Text(delayed), StringComparison.Ordinal);
        var signedAt = Verified(delayed, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(121))).SignedAt;
        Assert.True(signedAt > DateTimeOffset.UtcNow.AddSeconds(100), "The delayed webhook is signed at the simulator's time of sending.");
    }

    [Fact]
    public async Task A_webhook_our_endpoint_refuses_is_retried_after_fifteen_minutes_of_simulator_time()
    {
        _bed.Webhooks.AnswerStatus = 500;
        await PayAsync("approve");
        var refused = await _bed.Webhooks.NextAsync();
        _bed.Webhooks.AnswerStatus = 200;

        await _bed.ControlAsync("/clock/advance", new { seconds = 15 * 60 });
        var retried = await _bed.Webhooks.NextAsync();

        Assert.Equal(refused.Headers["x-request-id"], retried.Headers["x-request-id"]);
        Assert.Equal(refused.Query["data.id"], retried.Query["data.id"]);
    }

    [Fact]
    public async Task Faults_are_validated_listed_and_cleared()
    {
        using var bad = await _bed.Control.PostAsync(new Uri("/faults", UriKind.Relative),
            new StringContent("{\"target\":\"webhook\",\"mode\":\"explode\"}", System.Text.Encoding.UTF8, "application/json"));
        await _bed.ControlAsync("/faults", new { target = "create", mode = "error", status = 502, count = 2 });
        var listed = await _bed.GetControlAsync("/faults");
        using var cleared = await _bed.Control.DeleteAsync(new Uri("/faults", UriKind.Relative));
        var after = await _bed.GetControlAsync("/faults");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(502, Assert.Single(listed.EnumerateArray()).GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Array, after.ValueKind);
        Assert.Empty(after.EnumerateArray());
    }

    private async Task<(string PurchaseId, string PaymentId)> PayAsync(string action)
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await _mercadoPago.CreateCheckoutAsync(_account, PaymentTestBed.Checkout(purchase), default);
        using var _ = await _bed.PressAsync(checkout.PaymentUrl, action);
        var truth = await _mercadoPago.LookupAsync(_account, purchase, null, default);
        return (purchase, truth.ProviderPaymentId!);
    }

    private WebhookNotice Verified(WebhookRequest webhook, TimeProvider? time = null)
    {
        var verifier = time is null ? _verifier : new MercadoPagoWebhookVerifier(time, TimeSpan.FromMinutes(5));
        var verdict = verifier.Verify(webhook, [PaymentTestBed.MercadoPagoSecret]);
        Assert.True(verdict.IsValid, verdict.Failure);
        return verdict.Notice!;
    }
}
