using System.Text;
using System.Text.Json;

namespace Hotspot.Sales.Payments.Webhooks;

/// <summary>
/// Mercado Pago's webhook signature: <c>x-signature: ts=&lt;ts&gt;,v1=&lt;hex&gt;</c> is HMAC-SHA256, keyed with the
/// application's webhook secret, of the manifest <c>id:&lt;data.id&gt;;request-id:&lt;x-request-id&gt;;ts:&lt;ts&gt;;</c>,
/// where data.id is the query string's (lower-cased when alphanumeric) and a part whose value is absent is left out.
/// The body is not signed: it is only read once the signature holds, and the payment is re-fetched before acting.
/// </summary>
public sealed class MercadoPagoWebhookVerifier(TimeProvider time, TimeSpan tolerance) : IWebhookVerifier
{
    public PaymentProviderKind Kind => PaymentProviderKind.MercadoPago;

    public WebhookVerification Verify(WebhookRequest request, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secrets);
        var signature = SignatureHeader.Parse(request.Headers["x-signature"].ToString());
        var ts = signature["ts"].FirstOrDefault();
        if (ts is null || !signature["v1"].Any())
        {
            return WebhookVerification.Refused("x-signature is missing or lacks ts and v1.");
        }

        if (WebhookSignatures.Timestamp(ts) is not { } signedAt || !WebhookSignatures.WithinTolerance(signedAt, time.GetUtcNow(), tolerance))
        {
            return WebhookVerification.Refused("x-signature's ts is outside the tolerance window.");
        }

        var dataId = request.Query["data.id"].ToString();
        if (dataId.Length == 0)
        {
            return WebhookVerification.Refused("The URL has no data.id.");
        }

        var requestId = request.Headers["x-request-id"].ToString();
        if (!WebhookSignatures.AnyMatches(secrets, Encoding.UTF8.GetBytes(Manifest(dataId, requestId, ts)), signature["v1"]))
        {
            return WebhookVerification.Refused("x-signature does not match.");
        }

        var eventType = ReadEventType(request.Body) ?? "payment";
        return WebhookVerification.Accepted(new WebhookNotice(Kind, $"{requestId}:{dataId}", eventType, dataId, null, dataId, signedAt));
    }

    /// <summary>The signed text, as Mercado Pago documents it.</summary>
    public static string Manifest(string? dataId, string? requestId, string ts)
    {
        var manifest = new StringBuilder();
        if (!string.IsNullOrEmpty(dataId))
        {
            manifest.Append("id:").Append(dataId.All(char.IsAsciiLetterOrDigit) ? dataId.ToLowerInvariant() : dataId).Append(';');
        }

        if (!string.IsNullOrEmpty(requestId))
        {
            manifest.Append("request-id:").Append(requestId).Append(';');
        }

        return manifest.Append("ts:").Append(ts).Append(';').ToString();
    }

    private static string? ReadEventType(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && (json.RootElement.TryGetProperty("action", out var action) || json.RootElement.TryGetProperty("type", out action))
                && action.ValueKind == JsonValueKind.String ? action.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
