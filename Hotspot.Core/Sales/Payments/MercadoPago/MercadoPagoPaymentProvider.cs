using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Sales.Payments.Webhooks;

namespace Hotspot.Sales.Payments.MercadoPago;

/// <summary>
/// Mercado Pago over its REST API (the official .NET SDK does not restore here): Checkout Pro preferences, payment
/// search by external_reference (= our purchase id), refunds with X-Idempotency-Key. A typed HttpClient whose base
/// address and timeout come from <see cref="PaymentProviderOptions"/>.
/// </summary>
public sealed class MercadoPagoPaymentProvider(HttpClient http, TimeProvider clock) : IPaymentProvider
{
    public const string HttpClientName = "mercado-pago";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public PaymentProviderKind Kind => PaymentProviderKind.MercadoPago;

    public async Task<CheckoutCreated> CreateCheckoutAsync(PaymentAccount account, CheckoutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        var body = new PreferenceRequest(
            [new PreferenceItem(request.PurchaseId, request.Title, 1, request.Amount, request.Currency.ToUpperInvariant())],
            request.PurchaseId,
            new BackUrls(request.SuccessUrl.ToString(), request.FailureUrl.ToString(), (request.PendingUrl ?? request.SuccessUrl).ToString()),
            "approved",
            request.NotificationUrl?.ToString(),
            true,
            request.ExpiresAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            request.PayerEmail is { } email ? new PreferencePayer(email) : null,
            new Dictionary<string, string> { [StripeWebhookVerifier.PurchaseMetadataKey] = request.PurchaseId });
        using var message = Request(HttpMethod.Post, "checkout/preferences", account, JsonContent.Create(body, options: Json));
        message.Headers.Add("X-Idempotency-Key", PaymentIdempotencyKeys.Checkout(request.PurchaseId));
        var created = await SendAsync<PreferenceCreated>(message, cancellationToken);
        return created is { Id: { } id, InitPoint: { } url } && Uri.TryCreate(url, UriKind.Absolute, out var paymentUrl)
            ? new CheckoutCreated(id, paymentUrl, request.ExpiresAt)
            : throw new PaymentProviderException(Kind, PaymentFailure.Unavailable, "The preference answer has no id or init_point.");
    }

    public async Task<PaymentTruth> LookupAsync(PaymentAccount account, string purchaseId, string? providerReference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        using var message = Request(HttpMethod.Get, $"v1/payments/search?external_reference={Uri.EscapeDataString(purchaseId)}&sort=date_created&criteria=desc", account);
        var search = await SendAsync<PaymentSearch>(message, cancellationToken);
        var payments = (search?.Results ?? [])
            .Where(p => p.ExternalReference == purchaseId)
            .Select(p => new ProviderPayment(
                p.Id.ToString(CultureInfo.InvariantCulture), MercadoPagoStatuses.State(p.Status, p.TransactionAmount, p.TransactionAmountRefunded),
                p.Status ?? "", p.TransactionAmount, p.TransactionAmountRefunded))
            .ToList();
        return PaymentTruth.Of(PaymentState.Open, payments);
    }

    /// <summary>A preference takes payments until expiration_date_to: moving it to now closes it (no notification follows).</summary>
    public async Task<bool> CloseCheckoutAsync(PaymentAccount account, string providerReference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrEmpty(providerReference);
        var body = new PreferenceExpiry(true, clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        using var message = Request(HttpMethod.Put, $"checkout/preferences/{Uri.EscapeDataString(providerReference)}", account, JsonContent.Create(body, options: Json));
        await SendAsync<JsonElement>(message, cancellationToken);
        return true;
    }

    public async Task<RefundResult> RefundAsync(PaymentAccount account, RefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        using var message = Request(HttpMethod.Post, $"v1/payments/{Uri.EscapeDataString(request.ProviderPaymentId)}/refunds", account,
            JsonContent.Create(new RefundBody(request.Amount), options: Json));
        message.Headers.Add("X-Idempotency-Key", request.Key);
        var refund = await SendAsync<RefundCreated>(message, cancellationToken)
            ?? throw new PaymentProviderException(Kind, PaymentFailure.Unavailable, "The refund answer is empty.");
        return new RefundResult(refund.Id.ToString(CultureInfo.InvariantCulture), refund.Amount);
    }

    public async Task<string?> FindPurchaseIdAsync(PaymentAccount account, WebhookNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(notice);
        using var message = Request(HttpMethod.Get, $"v1/payments/{Uri.EscapeDataString(notice.ResourceId)}", account);
        try
        {
            return (await SendAsync<MercadoPagoPayment>(message, cancellationToken))?.ExternalReference;
        }
        catch (PaymentProviderException e) when (e.Failure == PaymentFailure.NotFound)
        {
            return null;
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, PaymentAccount account, HttpContent? content = null)
    {
        var message = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.ApiKey);
        return message;
    }

    private async Task<T?> SendAsync<T>(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new PaymentProviderException(Kind, PaymentFailure.Unavailable, "Mercado Pago did not answer in time or could not be reached.", e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
                }
                catch (JsonException e)
                {
                    throw new PaymentProviderException(Kind, PaymentFailure.Unavailable, "Mercado Pago answered with unreadable JSON.", e);
                }
            }

            var status = (int)response.StatusCode;
            var failure = response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => PaymentFailure.BadCredentials,
                HttpStatusCode.NotFound => PaymentFailure.NotFound,
                HttpStatusCode.TooManyRequests => PaymentFailure.Unavailable,
                _ when status >= 500 => PaymentFailure.Unavailable,
                _ => PaymentFailure.Refused,
            };
            throw new PaymentProviderException(Kind, failure, $"{message.Method} {message.RequestUri} answered {status}: {await ErrorMessageAsync(response, cancellationToken)}");
        }
    }

    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return json.RootElement.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
