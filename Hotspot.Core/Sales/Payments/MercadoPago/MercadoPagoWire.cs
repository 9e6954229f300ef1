using System.Text.Json.Serialization;

namespace Hotspot.Sales.Payments.MercadoPago;

/// <summary>The parts of Mercado Pago's JSON we send and read (snake_case on the wire).</summary>
internal sealed record PreferenceRequest(
    IReadOnlyList<PreferenceItem> Items,
    [property: JsonPropertyName("external_reference")] string ExternalReference,
    [property: JsonPropertyName("back_urls")] BackUrls BackUrls,
    [property: JsonPropertyName("auto_return")] string AutoReturn,
    [property: JsonPropertyName("notification_url")] string? NotificationUrl,
    bool Expires,
    [property: JsonPropertyName("expiration_date_to")] string ExpirationDateTo,
    PreferencePayer? Payer,
    IReadOnlyDictionary<string, string> Metadata);

internal sealed record PreferenceItem(
    string Id, string Title, int Quantity, [property: JsonPropertyName("unit_price")] decimal UnitPrice, [property: JsonPropertyName("currency_id")] string CurrencyId);

internal sealed record BackUrls(string Success, string Failure, string Pending);

internal sealed record PreferencePayer(string Email);

/// <summary>The part of a preference update that closes it.</summary>
internal sealed record PreferenceExpiry(bool Expires, [property: JsonPropertyName("expiration_date_to")] string ExpirationDateTo);

internal sealed record PreferenceCreated(string? Id, [property: JsonPropertyName("init_point")] string? InitPoint);

internal sealed record PaymentSearch(IReadOnlyList<MercadoPagoPayment>? Results);

internal sealed record MercadoPagoPayment(
    long Id,
    string? Status,
    [property: JsonPropertyName("external_reference")] string? ExternalReference,
    [property: JsonPropertyName("transaction_amount")] decimal TransactionAmount,
    [property: JsonPropertyName("transaction_amount_refunded")] decimal TransactionAmountRefunded);

internal sealed record RefundBody(decimal? Amount);

internal sealed record RefundCreated(long Id, decimal Amount);
