using System.Net;
using Hotspot.Sales.Payments;
using Hotspot.Sales.Payments.Webhooks;
using Stripe;
using Stripe.Checkout;

namespace Hotspot.Tests.Payments;

/// <summary>Our Stripe client (Stripe.net pointed at the simulator) from Checkout Session to refund and dispute.</summary>
public sealed class StripeCheckoutTests : IAsyncLifetime
{
    private PaymentTestBed _bed = null!;
    private IPaymentProvider _stripe = null!;
    private PaymentAccount _account = null!;

    public async Task InitializeAsync()
    {
        _bed = await PaymentTestBed.StartAsync();
        _stripe = _bed.Providers.Provider(PaymentProviderKind.Stripe);
        _account = await _bed.AccountAsync(PaymentProviderKind.Stripe);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_paid_session_returns_to_the_success_url_with_its_id_and_its_webhook_passes_our_verifier_and_Stripe_nets()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await _stripe.CreateCheckoutAsync(_account, PaymentTestBed.StripeCheckout(purchase), default);

        using var redirect = await _bed.PressAsync(checkout.PaymentUrl, "approve");
        var webhook = await _bed.Webhooks.NextAsync();
        var verdict = _bed.Providers.Verifier(PaymentProviderKind.Stripe).Verify(webhook, [PaymentTestBed.StripeSecret]);
        var stripeEvent = EventUtility.ConstructEvent(PaymentTestBed.Text(webhook), webhook.Headers["Stripe-Signature"], PaymentTestBed.StripeSecret);
        var truth = await _stripe.LookupAsync(_account, purchase, checkout.ProviderReference, default);

        Assert.Equal(HttpStatusCode.SeeOther, redirect.StatusCode);
        Assert.Equal($"https://api.example.test/api/v1/compras/{purchase}/retorno?session_id={checkout.ProviderReference}", redirect.Headers.Location!.ToString());
        Assert.True(verdict.IsValid, verdict.Failure);
        Assert.Equal("checkout.session.completed", verdict.Notice!.EventType);
        Assert.Equal(purchase, verdict.Notice.PurchaseId);
        Assert.Equal(EventTypes.CheckoutSessionCompleted, stripeEvent.Type);
        var session = Assert.IsType<Session>(stripeEvent.Data.Object);
        Assert.Equal(checkout.ProviderReference, session.Id);
        Assert.Equal("paid", session.PaymentStatus);
        Assert.Equal(1500, session.AmountTotal);
        Assert.Equal(PaymentState.Approved, truth.State);
        Assert.Equal(15.00m, Assert.Single(truth.Payments).Amount);
    }

    [Fact]
    public async Task Creating_again_for_the_same_purchase_replays_the_same_session_and_other_parameters_are_refused()
    {
        var purchase = PaymentTestBed.NewPurchaseId();

        var first = await _stripe.CreateCheckoutAsync(_account, PaymentTestBed.StripeCheckout(purchase), default);
        var retry = await _stripe.CreateCheckoutAsync(_account, PaymentTestBed.StripeCheckout(purchase), default);
        var changed = await Assert.ThrowsAsync<PaymentProviderException>(() =>
            _stripe.CreateCheckoutAsync(_account, PaymentTestBed.StripeCheckout(purchase, amount: 30.00m), default));

        Assert.Equal(first.ProviderReference, retry.ProviderReference);
        Assert.Equal(PaymentFailure.Refused, changed.Failure);
        Assert.Contains("same parameters", changed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5xx_on_create_is_unavailable_and_the_retry_creates_the_session()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        await _bed.ControlAsync("/faults", new { target = "create", mode = "error", provider = "stripe" });

        var failure = await Assert.ThrowsAsync<PaymentProviderException>(() => _stripe.CreateCheckoutAsync(_account, PaymentTestBed.StripeCheckout(purchase), default));
        var retry = await _stripe.CreateCheckoutAsync(_account, PaymentTestBed.StripeCheckout(purchase), default);

        Assert.Equal(PaymentFailure.Unavailable, failure.Failure);
        Assert.Equal(PaymentState.Open, (await _stripe.LookupAsync(_account, purchase, retry.ProviderReference, default)).State);
    }

    [Fact]
    public async Task A_delayed_payment_completes_unpaid_then_async_payment_succeeded_makes_it_approved()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await _stripe.CreateCheckoutAsync(_account, PaymentTestBed.StripeCheckout(purchase), default);

        using var _ = await _bed.PressAsync(checkout.PaymentUrl, "pending");
        var completed = EventOf(await _bed.Webhooks.NextAsync());
        var whilePending = await _stripe.LookupAsync(_account, purchase, checkout.ProviderReference, default);
        await _bed.ControlAsync($"/payments/{whilePending.ProviderPaymentId}/settle", new { paid = true });
        var succeeded = EventOf(await _bed.Webhooks.NextAsync());
        var afterPaying = await _stripe.LookupAsync(_account, purchase, checkout.ProviderReference, default);

        Assert.Equal(EventTypes.CheckoutSessionCompleted, completed.Type);
        Assert.Equal("unpaid", ((Session)completed.Data.Object).PaymentStatus);
        Assert.Equal(PaymentState.InProcess, whilePending.State);
        Assert.Equal(EventTypes.CheckoutSessionAsyncPaymentSucceeded, succeeded.Type);
        Assert.Equal(PaymentState.Approved, afterPaying.State);
    }

    [Fact]
    public async Task A_declined_card_keeps_the_buyer_on_the_page_and_cancelling_goes_to_the_cancel_url()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await _stripe.CreateCheckoutAsync(_account, PaymentTestBed.StripeCheckout(purchase), default);

        using var declined = await _bed.PressAsync(checkout.PaymentUrl, "reject");
        var declinedPage = await declined.Content.ReadAsStringAsync();
        using var cancelled = await _bed.PressAsync(checkout.PaymentUrl, "cancel");
        var truth = await _stripe.LookupAsync(_account, purchase, checkout.ProviderReference, default);

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Contains("Tarjeta rechazada", declinedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, cancelled.StatusCode);
        Assert.Equal($"https://api.example.test/api/v1/compras/{purchase}/retorno?resultado=fallo", cancelled.Headers.Location!.ToString());
        Assert.Equal(PaymentState.Open, truth.State);
    }

    [Fact]
    public async Task A_refund_retried_with_the_same_number_refunds_once_and_charge_refunded_leads_back_to_the_purchase()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await _stripe.CreateCheckoutAsync(_account, PaymentTestBed.StripeCheckout(purchase), default);
        using var _ = await _bed.PressAsync(checkout.PaymentUrl, "approve");
        await _bed.Webhooks.NextAsync();
        var paid = await _stripe.LookupAsync(_account, purchase, checkout.ProviderReference, default);

        var request = new RefundRequest(purchase, 1, paid.ProviderPaymentId!, null, "MXN");
        var first = await _stripe.RefundAsync(_account, request, default);
        var retried = await _stripe.RefundAsync(_account, request, default);
        var webhook = await _bed.Webhooks.NextAsync();
        var verdict = _bed.Providers.Verifier(PaymentProviderKind.Stripe).Verify(webhook, [PaymentTestBed.StripeSecret]);
        var truth = await _stripe.LookupAsync(_account, purchase, checkout.ProviderReference, default);
        var state = await _bed.GetControlAsync("/state");

        Assert.Equal(first, retried);
        Assert.Equal(15.00m, first.Amount);
        Assert.Single(state.GetProperty("payments")[0].GetProperty("refunds").EnumerateArray());
        Assert.True(verdict.IsValid, verdict.Failure);
        Assert.Equal("charge.refunded", verdict.Notice!.EventType);
        Assert.Null(verdict.Notice.PurchaseId);
        Assert.Equal(purchase, await _stripe.FindPurchaseIdAsync(_account, verdict.Notice, default));
        Assert.Equal(PaymentState.Refunded, truth.State);
    }

    [Fact]
    public async Task A_dispute_from_the_control_port_sends_charge_dispute_created_and_reads_in_dispute()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await _stripe.CreateCheckoutAsync(_account, PaymentTestBed.StripeCheckout(purchase), default);
        using var _ = await _bed.PressAsync(checkout.PaymentUrl, "approve");
        await _bed.Webhooks.NextAsync();
        var paid = await _stripe.LookupAsync(_account, purchase, checkout.ProviderReference, default);

        await _bed.ControlAsync($"/payments/{paid.ProviderPaymentId}/chargeback");
        var disputed = EventOf(await _bed.Webhooks.NextAsync());
        var truth = await _stripe.LookupAsync(_account, purchase, checkout.ProviderReference, default);

        Assert.Equal(EventTypes.ChargeDisputeCreated, disputed.Type);
        Assert.Equal(paid.ProviderPaymentId, ((Dispute)disputed.Data.Object).PaymentIntentId);
        Assert.Equal(PaymentState.InDispute, truth.State);
    }

    [Fact]
    public async Task A_wrong_secret_key_is_bad_credentials_and_the_key_never_reaches_the_logs()
    {
        var stranger = new PaymentAccount(PaymentTestBed.EmpresaId, PaymentProviderKind.Stripe, "sk_test_not_a_real_key_88");

        var failure = await Assert.ThrowsAsync<PaymentProviderException>(() =>
            _stripe.CreateCheckoutAsync(stranger, PaymentTestBed.StripeCheckout(PaymentTestBed.NewPurchaseId()), default));
        await _stripe.CreateCheckoutAsync(_account, PaymentTestBed.StripeCheckout(PaymentTestBed.NewPurchaseId()), default);

        Assert.Equal(PaymentFailure.BadCredentials, failure.Failure);
        Assert.NotEmpty(_bed.Logs.Lines);
        Assert.DoesNotContain(_bed.Logs.Lines, line => line.Contains(PaymentTestBed.StripeKey, StringComparison.Ordinal));
        Assert.DoesNotContain(_bed.Logs.Lines, line => line.Contains("not_a_real_key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_past_its_expiry_on_the_simulator_clock_expires_notifies_and_takes_no_payment()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await _stripe.CreateCheckoutAsync(_account, PaymentTestBed.StripeCheckout(purchase), default);

        await _bed.ControlAsync("/clock/advance", new { seconds = 2 * 3600 });
        var expired = EventOf(await _bed.Webhooks.NextAsync(), TimeSpan.FromHours(2));
        using var late = await _bed.Browser.PostAsync(checkout.PaymentUrl, new FormUrlEncodedContent([KeyValuePair.Create("action", "approve")]));
        var truth = await _stripe.LookupAsync(_account, purchase, checkout.ProviderReference, default);

        Assert.Equal(EventTypes.CheckoutSessionExpired, expired.Type);
        Assert.Equal(checkout.ProviderReference, ((Session)expired.Data.Object).Id);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(PaymentState.Expired, truth.State);
    }

    /// <summary>Stripe.net's own check and parse; <paramref name="clockAhead"/> when the simulator's clock was moved on before signing.</summary>
    private static Event EventOf(WebhookRequest webhook, TimeSpan clockAhead = default) => EventUtility.ConstructEvent(
        PaymentTestBed.Text(webhook), webhook.Headers["Stripe-Signature"], PaymentTestBed.StripeSecret,
        tolerance: 300, utcNow: (DateTimeOffset.UtcNow + clockAhead).ToUnixTimeSeconds());
}
