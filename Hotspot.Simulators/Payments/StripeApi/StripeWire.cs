using System.Text.Json.Nodes;

namespace Hotspot.Simulators.Payments.StripeApi;

/// <summary>
/// Stripe's JSON objects (checkout.session, payment_intent, charge, refund, dispute, event) with the fields Stripe.net
/// maps, so Stripe.net deserializes them as it does api.stripe.com's.
/// </summary>
internal static class StripeWire
{
    public static JsonObject Session(SimulatedCheckout session, SimulatedPayment? payment, Uri url, ISet<string> expand) => new()
    {
        ["id"] = session.Id,
        ["object"] = "checkout.session",
        ["amount_subtotal"] = (long)session.Amount,
        ["amount_total"] = (long)session.Amount,
        ["cancel_url"] = session.FailureUrl?.ToString(),
        ["client_reference_id"] = session.ExternalReference,
        ["created"] = session.CreatedAt.ToUnixTimeSeconds(),
        ["currency"] = session.Currency,
        ["customer_email"] = session.CustomerEmail,
        ["expires_at"] = session.ExpiresAt?.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["metadata"] = Metadata(session.Metadata),
        ["mode"] = "payment",
        ["payment_intent"] = payment is null ? null
            : expand.Contains("payment_intent") || expand.Contains("payment_intent.latest_charge")
                ? PaymentIntent(payment, session, expand.Contains("payment_intent.latest_charge"))
                : payment.Id,
        ["payment_method_types"] = new JsonArray("card"),
        ["payment_status"] = payment?.Status == "succeeded" ? "paid" : "unpaid",
        ["status"] = session.Status,
        ["success_url"] = session.SuccessUrl?.ToString(),
        ["url"] = session.Status == "open" ? url.ToString() : null,
    };

    public static JsonObject PaymentIntent(SimulatedPayment payment, SimulatedCheckout session, bool expandCharge) => new()
    {
        ["id"] = payment.Id,
        ["object"] = "payment_intent",
        ["amount"] = (long)payment.Amount,
        ["amount_received"] = payment.Status == "succeeded" ? (long)payment.Amount : 0,
        ["created"] = payment.CreatedAt.ToUnixTimeSeconds(),
        ["currency"] = payment.Currency,
        ["latest_charge"] = payment.ChargeId is null ? null : expandCharge ? Charge(payment) : payment.ChargeId,
        ["livemode"] = false,
        ["metadata"] = Metadata(session.PaymentMetadata),
        ["payment_method_types"] = new JsonArray(payment.PaymentType == "card" ? "card" : "customer_balance"),
        ["status"] = payment.Status,
    };

    public static JsonObject Charge(SimulatedPayment payment) => new()
    {
        ["id"] = payment.ChargeId,
        ["object"] = "charge",
        ["amount"] = (long)payment.Amount,
        ["amount_captured"] = (long)payment.Amount,
        ["amount_refunded"] = (long)payment.AmountRefunded,
        ["captured"] = true,
        ["created"] = payment.CreatedAt.ToUnixTimeSeconds(),
        ["currency"] = payment.Currency,
        ["disputed"] = payment.DisputeId is not null,
        ["livemode"] = false,
        ["paid"] = true,
        ["payment_intent"] = payment.Id,
        ["refunded"] = payment.AmountRefunded == payment.Amount,
        ["status"] = "succeeded",
    };

    public static JsonObject Refund(SimulatedRefund refund, SimulatedPayment payment) => new()
    {
        ["id"] = refund.Id,
        ["object"] = "refund",
        ["amount"] = (long)refund.Amount,
        ["charge"] = payment.ChargeId,
        ["created"] = refund.CreatedAt.ToUnixTimeSeconds(),
        ["currency"] = payment.Currency,
        ["payment_intent"] = payment.Id,
        ["status"] = "succeeded",
    };

    public static JsonObject Dispute(SimulatedPayment payment, DateTimeOffset now) => new()
    {
        ["id"] = payment.DisputeId,
        ["object"] = "dispute",
        ["amount"] = (long)payment.Amount,
        ["charge"] = payment.ChargeId,
        ["created"] = now.ToUnixTimeSeconds(),
        ["currency"] = payment.Currency,
        ["livemode"] = false,
        ["payment_intent"] = payment.Id,
        ["reason"] = "fraudulent",
        ["status"] = payment.DisputeStatus,
    };

    public static JsonObject List(string url, IEnumerable<JsonObject> items) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. items]),
        ["has_more"] = false,
        ["url"] = url,
    };

    public static JsonObject Event(string id, string type, JsonObject data, string apiVersion, DateTimeOffset now) => new()
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = apiVersion,
        ["created"] = now.ToUnixTimeSeconds(),
        ["data"] = new JsonObject { ["object"] = data },
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
    };

    public static JsonObject Error(string type, string message, string? code = null, string? param = null) => new()
    {
        ["error"] = new JsonObject { ["type"] = type, ["message"] = message, ["code"] = code, ["param"] = param },
    };

    private static JsonObject Metadata(IReadOnlyDictionary<string, string> metadata) =>
        new([.. metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))]);
}
