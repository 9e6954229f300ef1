using System.Globalization;
using Hotspot.Sales.Payments;
using Microsoft.Extensions.Options;

namespace Hotspot.Sales.Purchases;

/// <summary>Our own URLs a provider is given: where the buyer returns, where webhooks go.</summary>
public sealed class PurchaseUrls(IOptions<PurchaseOptions> options)
{
    /// <summary>The configured public address, or the one the caller reached us at.</summary>
    public Uri BaseOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return options.Value.PublicBaseUrl is { IsAbsoluteUri: true } configured
            ? new Uri(configured.AbsoluteUri.TrimEnd('/') + "/")
            : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }

    public static Uri Return(Uri baseUrl, string compraId, string token, string resultado) =>
        new(baseUrl, $"api/v1/compras/{Uri.EscapeDataString(compraId)}/retorno?t={Uri.EscapeDataString(token)}&resultado={resultado}");

    public static Uri Webhook(Uri baseUrl, PaymentProviderKind proveedor, long empresaId) =>
        new(baseUrl, string.Create(CultureInfo.InvariantCulture, $"api/v1/webhooks/{PaymentProviderNames.Of(proveedor)}/{empresaId}"));

    /// <summary>Mercado Pago's notification_url: webhooks only, no legacy IPN.</summary>
    public static Uri Notification(Uri baseUrl, PaymentProviderKind proveedor, long empresaId) =>
        new(Webhook(baseUrl, proveedor, empresaId) + "?source_news=webhooks");
}
