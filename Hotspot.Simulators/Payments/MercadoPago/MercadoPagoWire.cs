using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Hotspot.Simulators.Payments.MercadoPago;

/// <summary>Mercado Pago's JSON shapes (the fields our client and common integrations read).</summary>
internal static class MercadoPagoWire
{
    public const string SiteId = "MLM";

    public static long CollectorId(SimulatedAccount account) =>
        100_000_000 + (BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(account.ApiKey)), 0) % 900_000_000);

    public static JsonObject Preference(SimulatedCheckout checkout, Uri initPoint) => new()
    {
        ["id"] = checkout.Id,
        ["collector_id"] = CollectorId(checkout.Account),
        ["client_id"] = CollectorId(checkout.Account).ToString(CultureInfo.InvariantCulture),
        ["external_reference"] = checkout.ExternalReference,
        ["items"] = new JsonArray(new JsonObject
        {
            ["title"] = checkout.Title, ["quantity"] = 1, ["unit_price"] = checkout.Amount, ["currency_id"] = checkout.Currency,
        }),
        ["back_urls"] = new JsonObject
        {
            ["success"] = checkout.SuccessUrl?.ToString() ?? "", ["failure"] = checkout.FailureUrl?.ToString() ?? "",
            ["pending"] = checkout.PendingUrl?.ToString() ?? "",
        },
        ["notification_url"] = checkout.NotificationUrl?.ToString(),
        ["metadata"] = Metadata(checkout.Metadata),
        ["date_created"] = Date(checkout.CreatedAt),
        ["expires"] = checkout.ExpiresAt is not null,
        ["expiration_date_to"] = checkout.ExpiresAt is { } expires ? Date(expires) : null,
        ["init_point"] = initPoint.ToString(),
        ["sandbox_init_point"] = initPoint.ToString(),
        ["site_id"] = SiteId,
    };

    public static JsonObject Payment(SimulatedPayment payment, SimulatedCheckout checkout) => new()
    {
        ["id"] = long.Parse(payment.Id, CultureInfo.InvariantCulture),
        ["status"] = payment.Status,
        ["status_detail"] = payment.StatusDetail,
        ["external_reference"] = checkout.ExternalReference,
        ["transaction_amount"] = payment.Amount,
        ["transaction_amount_refunded"] = payment.AmountRefunded,
        ["currency_id"] = payment.Currency,
        ["description"] = checkout.Title,
        ["payment_type_id"] = payment.PaymentType,
        ["payment_method_id"] = payment.PaymentType == "ticket" ? "oxxo" : "visa",
        ["date_created"] = Date(payment.CreatedAt),
        ["date_approved"] = payment.ApprovedAt is { } approved ? Date(approved) : null,
        ["date_last_updated"] = Date(payment.UpdatedAt),
        ["collector_id"] = CollectorId(checkout.Account),
        ["live_mode"] = false,
        ["metadata"] = Metadata(checkout.Metadata),
        ["order"] = new JsonObject { ["type"] = "mercadopago", ["id"] = MerchantOrderId(checkout) },
        ["refunds"] = new JsonArray([.. payment.Refunds.Select(r => (JsonNode)Refund(r))]),
    };

    public static JsonObject Refund(SimulatedRefund refund) => new()
    {
        ["id"] = long.Parse(refund.Id, CultureInfo.InvariantCulture),
        ["payment_id"] = long.Parse(refund.PaymentId, CultureInfo.InvariantCulture),
        ["amount"] = refund.Amount,
        ["status"] = "approved",
        ["source"] = new JsonObject { ["type"] = "collector" },
        ["date_created"] = Date(refund.CreatedAt),
    };

    public static JsonObject Notification(SimulatedPayment payment, SimulatedCheckout checkout, string action, long notificationId, DateTimeOffset now) => new()
    {
        ["action"] = action,
        ["api_version"] = "v1",
        ["data"] = new JsonObject { ["id"] = payment.Id },
        ["date_created"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["id"] = notificationId,
        ["live_mode"] = false,
        ["type"] = "payment",
        ["user_id"] = CollectorId(checkout.Account).ToString(CultureInfo.InvariantCulture),
    };

    public static JsonObject Error(int status, string error, string message, int? causeCode = null) => new()
    {
        ["message"] = message,
        ["error"] = error,
        ["status"] = status,
        ["cause"] = causeCode is { } code ? new JsonArray(new JsonObject { ["code"] = code, ["description"] = message }) : new JsonArray(),
    };

    public static long MerchantOrderId(SimulatedCheckout checkout) =>
        20_000_000_000 + (BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(checkout.Id)), 0) % 1_000_000_000);

    private static JsonObject Metadata(IReadOnlyDictionary<string, string> metadata) =>
        new([.. metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))]);

    private static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
