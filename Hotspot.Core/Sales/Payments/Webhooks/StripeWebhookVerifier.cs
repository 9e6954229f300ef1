using System.Text;
using System.Text.Json;

namespace Hotspot.Sales.Payments.Webhooks;

/// <summary>
/// Stripe's webhook signature: <c>Stripe-Signature: t=&lt;unix&gt;,v1=&lt;hex&gt;[,v1=…]</c>, HMAC-SHA256 keyed with the
/// endpoint secret (whsec_…) of <c>&lt;t&gt;.&lt;raw body&gt;</c>; other schemes (v0) are ignored.
/// </summary>
public sealed class StripeWebhookVerifier(TimeProvider time, TimeSpan tolerance) : IWebhookVerifier
{
    public const string PurchaseMetadataKey = "id_compra";

    public PaymentProviderKind Kind => PaymentProviderKind.Stripe;

    public WebhookVerification Verify(WebhookRequest request, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secrets);
        var signature = SignatureHeader.Parse(request.Headers["Stripe-Signature"].ToString());
        var t = signature["t"].FirstOrDefault();
        if (t is null || !signature["v1"].Any())
        {
            return WebhookVerification.Refused("Stripe-Signature is missing or lacks t and v1.");
        }

        if (WebhookSignatures.Timestamp(t) is not { } signedAt || !WebhookSignatures.WithinTolerance(signedAt, time.GetUtcNow(), tolerance))
        {
            return WebhookVerification.Refused("Stripe-Signature's t is outside the tolerance window.");
        }

        var prefix = Encoding.ASCII.GetBytes(t + ".");
        var signed = new byte[prefix.Length + request.Body.Length];
        prefix.CopyTo(signed, 0);
        request.Body.Span.CopyTo(signed.AsSpan(prefix.Length));
        if (!WebhookSignatures.AnyMatches(secrets, signed, signature["v1"]))
        {
            return WebhookVerification.Refused("Stripe-Signature does not match.");
        }

        return ReadNotice(request.Body, signedAt) is { } notice
            ? WebhookVerification.Accepted(notice)
            : WebhookVerification.Refused("The signed body is not a Stripe event.");
    }

    private WebhookNotice? ReadNotice(ReadOnlyMemory<byte> body, DateTimeOffset signedAt)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (Text(root, "id") is not { } eventId || Text(root, "type") is not { } type
                || !root.TryGetProperty("data", out var data) || !data.TryGetProperty("object", out var item) || Text(item, "id") is not { } objectId)
            {
                return null;
            }

            var isSession = Text(item, "object") == "checkout.session";
            var purchaseId = isSession
                ? Text(item, "client_reference_id") ?? (item.TryGetProperty("metadata", out var metadata) ? Text(metadata, PurchaseMetadataKey) : null)
                : null;
            return new WebhookNotice(Kind, eventId, type, objectId, purchaseId, Text(item, "payment_intent"), signedAt);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
