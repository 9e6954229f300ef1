using System.Net;
using Hotspot.Sales.Payments.Webhooks;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Hotspot.Sales.Payments.StripeCheckout;

/// <summary>
/// Stripe through Stripe.net, pointed at <see cref="PaymentProviderOptions.StripeApiBase"/> (api.stripe.com or the
/// payment simulator): Checkout Sessions with the purchase id as client_reference_id and metadata, the session (with
/// its PaymentIntent and latest charge, and the charge's dispute when it has one) as the truth, refunds of the PaymentIntent. Stripe.net's own retries are off:
/// the purchase engine retries, always with the same idempotency key.
/// </summary>
public sealed class StripePaymentProvider(HttpClient http, IOptions<PaymentProviderOptions> options) : IPaymentProvider
{
    public const string HttpClientName = "stripe";

    public PaymentProviderKind Kind => PaymentProviderKind.Stripe;

    public async Task<CheckoutCreated> CreateCheckoutAsync(PaymentAccount account, CheckoutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        var metadata = new Dictionary<string, string> { [StripeWebhookVerifier.PurchaseMetadataKey] = request.PurchaseId };
        var create = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = request.PurchaseId,
            SuccessUrl = request.SuccessUrl.ToString(),
            CancelUrl = request.FailureUrl.ToString(),
            ExpiresAt = request.ExpiresAt.UtcDateTime,
            CustomerEmail = request.PayerEmail,
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata },
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = request.Currency.ToLowerInvariant(),
                        UnitAmount = StripeAmounts.ToMinor(request.Amount, request.Currency),
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Title },
                    },
                },
            ],
        };
        var session = await CallAsync(client => new SessionService(client).CreateAsync(
            create, new RequestOptions { IdempotencyKey = PaymentIdempotencyKeys.Checkout(request.PurchaseId) }, cancellationToken), account, cancellationToken);
        return Uri.TryCreate(session.Url, UriKind.Absolute, out var url)
            ? new CheckoutCreated(session.Id, url, session.ExpiresAt)
            : throw new PaymentProviderException(Kind, PaymentFailure.Unavailable, "The session answer has no url.");
    }

    public async Task<PaymentTruth> LookupAsync(PaymentAccount account, string purchaseId, string? providerReference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrEmpty(providerReference);
        var session = await CallAsync(client => new SessionService(client).GetAsync(
            providerReference, new SessionGetOptions { Expand = ["payment_intent.latest_charge"] }, cancellationToken: cancellationToken), account, cancellationToken);
        if (session.ClientReferenceId != purchaseId)
        {
            throw new PaymentProviderException(Kind, PaymentFailure.NotFound, "The session belongs to another purchase.");
        }

        var emptyState = session.Status == "expired" ? PaymentState.Expired : PaymentState.Open;
        if (session.PaymentIntent is not { } intent)
        {
            return PaymentTruth.Of(emptyState, []);
        }

        // A disputed charge stays "disputed" after the dispute closes: the dispute's own status says where the money is.
        var dispute = intent.LatestCharge?.Disputed == true
            ? (await CallAsync(client => new DisputeService(client).ListAsync(
                new DisputeListOptions { PaymentIntent = intent.Id, Limit = 1 }, cancellationToken: cancellationToken), account, cancellationToken)).Data.FirstOrDefault()
            : null;
        return PaymentTruth.Of(emptyState, [Payment(intent, session.Currency, dispute?.Status)]);
    }

    public async Task<bool> CloseCheckoutAsync(PaymentAccount account, string providerReference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerReference);
        try
        {
            var session = await CallAsync(client => new SessionService(client).ExpireAsync(providerReference, cancellationToken: cancellationToken), account, cancellationToken);
            return session.Status == "expired";
        }
        catch (PaymentProviderException e) when (e.Failure == PaymentFailure.Refused)
        {
            // Stripe refuses to expire a session that is no longer open (complete): nothing to close.
            return false;
        }
    }

    public async Task<RefundResult> RefundAsync(PaymentAccount account, RefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        var create = new RefundCreateOptions
        {
            PaymentIntent = request.ProviderPaymentId,
            Amount = request.Amount is { } amount ? StripeAmounts.ToMinor(amount, request.Currency) : null,
            Metadata = new Dictionary<string, string> { [StripeWebhookVerifier.PurchaseMetadataKey] = request.PurchaseId },
        };
        var refund = await CallAsync(client => new RefundService(client).CreateAsync(
            create, new RequestOptions { IdempotencyKey = request.Key }, cancellationToken), account, cancellationToken);
        return new RefundResult(refund.Id, StripeAmounts.FromMinor(refund.Amount, refund.Currency ?? request.Currency));
    }

    public async Task<string?> FindPurchaseIdAsync(PaymentAccount account, WebhookNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.PurchaseId is not null || notice.ProviderPaymentId is not { } intentId)
        {
            return notice.PurchaseId;
        }

        try
        {
            var intent = await CallAsync(client => new PaymentIntentService(client).GetAsync(intentId, cancellationToken: cancellationToken), account, cancellationToken);
            return intent.Metadata?.GetValueOrDefault(StripeWebhookVerifier.PurchaseMetadataKey);
        }
        catch (PaymentProviderException e) when (e.Failure == PaymentFailure.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// A dispute being argued has had its amount withdrawn (needs_response, under_review); won gives it back; lost is a
    /// chargeback. An inquiry (warning_*) withdraws nothing, so the payment still counts as approved.
    /// </summary>
    private static ProviderPayment Payment(PaymentIntent intent, string currency, string? disputeStatus)
    {
        var charge = intent.LatestCharge;
        var refunded = StripeAmounts.FromMinor(charge?.AmountRefunded ?? 0, currency);
        var amount = StripeAmounts.FromMinor(intent.Amount, currency);
        var state = intent.Status switch
        {
            "succeeded" when disputeStatus is "lost" => PaymentState.ChargedBack,
            "succeeded" when disputeStatus is "needs_response" or "under_review" => PaymentState.InDispute,
            "succeeded" when charge?.Refunded == true => PaymentState.Refunded,
            "succeeded" => PaymentState.Approved,
            "processing" or "requires_action" or "requires_capture" or "requires_confirmation" => PaymentState.InProcess,
            "canceled" => PaymentState.Cancelled,
            _ => PaymentState.Rejected,
        };
        return new ProviderPayment(intent.Id, state, disputeStatus is null ? intent.Status ?? "" : "dispute_" + disputeStatus, amount, refunded);
    }

    private async Task<T> CallAsync<T>(Func<StripeClient, Task<T>> call, PaymentAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var client = new StripeClient(
            apiKey: account.ApiKey,
            httpClient: new SystemNetHttpClient(http, maxNetworkRetries: 0),
            apiBase: options.Value.StripeApiBase.ToString().TrimEnd('/'),
            connectBase: options.Value.StripeConnectBase.ToString().TrimEnd('/'));
        try
        {
            return await call(client);
        }
        catch (StripeException e)
        {
            var status = (int)e.HttpStatusCode;
            var failure = e.HttpStatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => PaymentFailure.BadCredentials,
                HttpStatusCode.NotFound => PaymentFailure.NotFound,
                HttpStatusCode.TooManyRequests => PaymentFailure.Unavailable,
                _ when status >= 500 || status == 0 => PaymentFailure.Unavailable,
                _ => PaymentFailure.Refused,
            };
            throw new PaymentProviderException(Kind, failure, $"Stripe answered {status}: {e.StripeError?.Message ?? e.Message}", e);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException or OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new PaymentProviderException(Kind, PaymentFailure.Unavailable, "Stripe did not answer in time or could not be reached.", e);
        }
    }
}
