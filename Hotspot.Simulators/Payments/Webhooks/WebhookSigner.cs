using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Hotspot.Simulators.Payments.Webhooks;

/// <summary>Builds one delivery attempt as each provider sends it: URL, headers and signature.</summary>
internal static class WebhookSigner
{
    public static HttpRequestMessage Sign(OutgoingWebhook webhook, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, webhook.Provider == PaymentProvider.MercadoPago ? MercadoPagoUrl(webhook) : webhook.Target)
        {
            Content = new StringContent(webhook.Body, Encoding.UTF8, "application/json"),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (webhook.Provider == PaymentProvider.MercadoPago)
        {
            // Mercado Pago's manifest: id from the URL's data.id (lower-cased when alphanumeric), the x-request-id header, ts.
            var manifest = $"id:{webhook.ResourceId.ToLowerInvariant()};request-id:{webhook.RequestId};ts:{timestamp};";
            request.Headers.TryAddWithoutValidation("x-signature", $"ts={timestamp},v1={Hmac(webhook.Account.WebhookSecret, manifest)}");
            request.Headers.TryAddWithoutValidation("x-request-id", webhook.RequestId);
            request.Headers.TryAddWithoutValidation("User-Agent", "MercadoPago WebHook v1.0 payment");
        }
        else
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", $"t={timestamp},v1={Hmac(webhook.Account.WebhookSecret, timestamp + "." + webhook.Body)}");
            request.Headers.TryAddWithoutValidation("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        }

        return request;
    }

    private static Uri MercadoPagoUrl(OutgoingWebhook webhook)
    {
        var target = webhook.Target.ToString();
        var separator = target.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return new Uri($"{target}{separator}data.id={Uri.EscapeDataString(webhook.ResourceId)}&type=payment");
    }

    private static string Hmac(string secret, string message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));
}
