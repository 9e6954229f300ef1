using System.Net;
using System.Text.Json;
using Hotspot.Sales.Payments;
using Hotspot.Sales.Payments.Webhooks;
using Microsoft.AspNetCore.WebUtilities;

namespace Hotspot.Tests.Payments;

/// <summary>Our Mercado Pago client against the simulator over HTTP, from preference to refund, as a buyer and the engine meet it.</summary>
public sealed class MercadoPagoCheckoutTests : IAsyncLifetime
{
    private PaymentTestBed _bed = null!;
    private IPaymentProvider _mercadoPago = null!;
    private PaymentAccount _account = null!;

    public async Task InitializeAsync()
    {
        _bed = await PaymentTestBed.StartAsync();
        _mercadoPago = _bed.Providers.Provider(PaymentProviderKind.MercadoPago);
        _account = await _bed.AccountAsync(PaymentProviderKind.MercadoPago);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task An_approved_checkout_returns_to_the_success_url_and_sends_a_signed_webhook_that_our_verifier_accepts()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await _mercadoPago.CreateCheckoutAsync(_account, PaymentTestBed.Checkout(purchase), default);

        using var redirect = await _bed.PressAsync(checkout.PaymentUrl, "approve");
        var webhook = await _bed.Webhooks.NextAsync();
        var verdict = _bed.Providers.Verifier(PaymentProviderKind.MercadoPago)
            .Verify(webhook, await _bed.Credentials.GetWebhookSecretsAsync(PaymentTestBed.EmpresaId, PaymentProviderKind.MercadoPago, default));
        var truth = await _mercadoPago.LookupAsync(_account, purchase, checkout.ProviderReference, default);

        Assert.Equal(HttpStatusCode.SeeOther, redirect.StatusCode);
        var back = redirect.Headers.Location!;
        var query = QueryHelpers.ParseQuery(back.Query);
        Assert.StartsWith($"https://api.example.test/api/v1/compras/{purchase}/retorno", back.ToString(), StringComparison.Ordinal);
        Assert.Equal("ok", query["resultado"]);
        Assert.Equal("approved", query["collection_status"]);
        Assert.Equal("approved", query["status"]);
        Assert.Equal(purchase, query["external_reference"]);
        Assert.Equal(checkout.ProviderReference, query["preference_id"]);
        Assert.Equal(query["payment_id"], query["collection_id"]);

        Assert.True(verdict.IsValid, verdict.Failure);
        Assert.Equal("payment.created", verdict.Notice!.EventType);
        Assert.Equal(query["payment_id"].ToString(), verdict.Notice.ResourceId);
        Assert.Equal("webhooks", webhook.Query["source_news"]);
        Assert.Equal("payment", webhook.Query["type"]);
        Assert.Equal(purchase, await _mercadoPago.FindPurchaseIdAsync(_account, verdict.Notice, default));

        Assert.Equal(PaymentState.Approved, truth.State);
        Assert.Equal(query["payment_id"].ToString(), truth.ProviderPaymentId);
        Assert.Equal(15.00m, Assert.Single(truth.Payments).Amount);
    }

    [Fact]
    public async Task Creating_again_for_the_same_purchase_returns_the_same_preference()
    {
        var purchase = PaymentTestBed.NewPurchaseId();

        var first = await _mercadoPago.CreateCheckoutAsync(_account, PaymentTestBed.Checkout(purchase), default);
        var retry = await _mercadoPago.CreateCheckoutAsync(_account, PaymentTestBed.Checkout(purchase), default);
        var state = await _bed.GetControlAsync("/state");

        Assert.Equal(first.ProviderReference, retry.ProviderReference);
        Assert.Equal(first.PaymentUrl, retry.PaymentUrl);
        Assert.Single(state.GetProperty("checkouts").EnumerateArray(), c => c.GetProperty("external_reference").GetString() == purchase);
    }

    [Fact]
    public async Task A_5xx_on_create_is_unavailable_and_the_retry_with_the_same_key_creates_one_preference()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        await _bed.ControlAsync("/faults", new { target = "create", mode = "error", provider = "mercado_pago", status = 503 });

        var failure = await Assert.ThrowsAsync<PaymentProviderException>(() => _mercadoPago.CreateCheckoutAsync(_account, PaymentTestBed.Checkout(purchase), default));
        var retry = await _mercadoPago.CreateCheckoutAsync(_account, PaymentTestBed.Checkout(purchase), default);
        var again = await _mercadoPago.CreateCheckoutAsync(_account, PaymentTestBed.Checkout(purchase), default);
        var state = await _bed.GetControlAsync("/state");

        Assert.Equal(PaymentFailure.Unavailable, failure.Failure);
        Assert.Equal(retry.ProviderReference, again.ProviderReference);
        Assert.Single(state.GetProperty("checkouts").EnumerateArray(), c => c.GetProperty("external_reference").GetString() == purchase);
    }

    [Fact]
    public async Task A_rejected_card_goes_to_the_failure_url_and_a_later_approval_on_the_same_preference_wins()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await _mercadoPago.CreateCheckoutAsync(_account, PaymentTestBed.Checkout(purchase), default);

        using var rejected = await _bed.PressAsync(checkout.PaymentUrl, "reject");
        var afterRejection = await _mercadoPago.LookupAsync(_account, purchase, null, default);
        using var approved = await _bed.PressAsync(checkout.PaymentUrl, "approve");
        var afterApproval = await _mercadoPago.LookupAsync(_account, purchase, null, default);

        Assert.Equal("fallo", QueryHelpers.ParseQuery(rejected.Headers.Location!.Query)["resultado"]);
        Assert.Equal("rejected", QueryHelpers.ParseQuery(rejected.Headers.Location!.Query)["collection_status"]);
        Assert.Equal(PaymentState.Rejected, afterRejection.State);
        Assert.Equal(PaymentState.Approved, afterApproval.State);
        Assert.Equal(2, afterApproval.Payments.Count);
    }

    [Fact]
    public async Task A_cash_payment_stays_in_process_until_it_is_paid_and_then_notifies_payment_updated()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await _mercadoPago.CreateCheckoutAsync(_account, PaymentTestBed.Checkout(purchase), default);

        using var pending = await _bed.PressAsync(checkout.PaymentUrl, "pending");
        var created = await _bed.Webhooks.NextAsync();
        var whilePending = await _mercadoPago.LookupAsync(_account, purchase, null, default);
        await _bed.ControlAsync($"/payments/{whilePending.ProviderPaymentId}/settle", new { paid = true });
        var updated = await _bed.Webhooks.NextAsync();
        var afterPaying = await _mercadoPago.LookupAsync(_account, purchase, null, default);

        var query = QueryHelpers.ParseQuery(pending.Headers.Location!.Query);
        Assert.Equal("pendiente", query["resultado"]);
        Assert.Equal("pending", query["collection_status"]);
        Assert.Equal("ticket", query["payment_type"]);
        Assert.Contains("payment.created", PaymentTestBed.Text(created), StringComparison.Ordinal);
        Assert.Equal(PaymentState.InProcess, whilePending.State);
        Assert.Contains("payment.updated", PaymentTestBed.Text(updated), StringComparison.Ordinal);
        Assert.Equal(whilePending.ProviderPaymentId, updated.Query["data.id"]);
        Assert.Equal(PaymentState.Approved, afterPaying.State);
    }

    [Fact]
    public async Task Cancelling_returns_to_the_failure_url_with_null_payment_fields_and_pays_nothing()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await _mercadoPago.CreateCheckoutAsync(_account, PaymentTestBed.Checkout(purchase), default);

        using var cancelled = await _bed.PressAsync(checkout.PaymentUrl, "cancel");
        var truth = await _mercadoPago.LookupAsync(_account, purchase, null, default);

        var query = QueryHelpers.ParseQuery(cancelled.Headers.Location!.Query);
        Assert.Equal("fallo", query["resultado"]);
        Assert.Equal("null", query["collection_status"]);
        Assert.Equal("null", query["payment_id"]);
        Assert.Equal(PaymentState.Open, truth.State);
        Assert.Empty(truth.Payments);
    }

    [Fact]
    public async Task A_refund_retried_with_the_same_number_refunds_once_and_a_full_refund_reads_refunded()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await _mercadoPago.CreateCheckoutAsync(_account, PaymentTestBed.Checkout(purchase, 20.00m), default);
        using var _ = await _bed.PressAsync(checkout.PaymentUrl, "approve");
        var paid = await _mercadoPago.LookupAsync(_account, purchase, null, default);

        var partial = new RefundRequest(purchase, 1, paid.ProviderPaymentId!, 5.00m, "MXN");
        var first = await _mercadoPago.RefundAsync(_account, partial, default);
        var retried = await _mercadoPago.RefundAsync(_account, partial, default);
        var afterPartial = await _mercadoPago.LookupAsync(_account, purchase, null, default);
        var rest = await _mercadoPago.RefundAsync(_account, new RefundRequest(purchase, 2, paid.ProviderPaymentId!, null, "MXN"), default);
        var afterFull = await _mercadoPago.LookupAsync(_account, purchase, null, default);

        Assert.Equal(first, retried);
        Assert.Equal(5.00m, first.Amount);
        Assert.Equal(PaymentState.Approved, afterPartial.State);
        Assert.Equal(5.00m, afterPartial.AmountRefunded);
        Assert.Equal(15.00m, rest.Amount);
        Assert.Equal(PaymentState.Refunded, afterFull.State);
    }

    [Fact]
    public async Task A_refund_without_an_idempotency_key_is_refused_with_code_4292()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await _mercadoPago.CreateCheckoutAsync(_account, PaymentTestBed.Checkout(purchase), default);
        using var _ = await _bed.PressAsync(checkout.PaymentUrl, "approve");
        var paid = await _mercadoPago.LookupAsync(_account, purchase, null, default);
        using var api = new HttpClient { BaseAddress = _bed.Simulator.ApiBaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/payments/{paid.ProviderPaymentId}/refunds") { Content = new StringContent("{}") };
        request.Headers.Authorization = new("Bearer", PaymentTestBed.MercadoPagoToken);

        using var response = await api.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(4292, body.RootElement.GetProperty("cause")[0].GetProperty("code").GetInt32());
        Assert.Equal(PaymentState.Approved, (await _mercadoPago.LookupAsync(_account, purchase, null, default)).State);
    }

    [Fact]
    public async Task A_chargeback_from_the_control_port_notifies_and_reads_charged_back()
    {
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await _mercadoPago.CreateCheckoutAsync(_account, PaymentTestBed.Checkout(purchase), default);
        using var _ = await _bed.PressAsync(checkout.PaymentUrl, "approve");
        await _bed.Webhooks.NextAsync();
        var paid = await _mercadoPago.LookupAsync(_account, purchase, null, default);

        await _bed.ControlAsync($"/payments/{paid.ProviderPaymentId}/chargeback");
        var webhook = await _bed.Webhooks.NextAsync();
        var truth = await _mercadoPago.LookupAsync(_account, purchase, null, default);

        Assert.Contains("payment.updated", PaymentTestBed.Text(webhook), StringComparison.Ordinal);
        Assert.Equal(PaymentState.ChargedBack, truth.State);
    }

    [Fact]
    public async Task A_wrong_access_token_is_bad_credentials_and_the_token_never_reaches_the_logs()
    {
        var stranger = new PaymentAccount(PaymentTestBed.EmpresaId, PaymentProviderKind.MercadoPago, "APP_USR-not-a-real-token-77");

        var failure = await Assert.ThrowsAsync<PaymentProviderException>(() =>
            _mercadoPago.CreateCheckoutAsync(stranger, PaymentTestBed.Checkout(PaymentTestBed.NewPurchaseId()), default));
        await _mercadoPago.CreateCheckoutAsync(_account, PaymentTestBed.Checkout(PaymentTestBed.NewPurchaseId()), default);

        Assert.Equal(PaymentFailure.BadCredentials, failure.Failure);
        Assert.DoesNotContain("not-a-real-token", failure.Message, StringComparison.Ordinal);
        Assert.NotEmpty(_bed.Logs.Lines);
        Assert.DoesNotContain(_bed.Logs.Lines, line => line.Contains(PaymentTestBed.MercadoPagoToken, StringComparison.Ordinal));
        Assert.DoesNotContain(_bed.Logs.Lines, line => line.Contains("not-a-real-token", StringComparison.Ordinal));
    }
}
