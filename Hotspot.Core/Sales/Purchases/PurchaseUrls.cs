using System.Globalization;
using Hotspot.Http;
using Hotspot.Sales.Payments;
using Microsoft.Extensions.Options;

namespace Hotspot.Sales.Purchases;

/// <summary>Our own URLs a provider is given: where the buyer returns, where webhooks go.</summary>
public sealed class PurchaseUrls(IOptions<PurchaseOptions> options)
{
    /// <summary>
    /// The API's configured public address (<c>Hotspot:Ventas:PublicBaseUrl</c>; the DevHost defaults it to the address
    /// it listens on). Never the request's <c>Host</c>: whoever sends the request chooses that. Unconfigured, the
    /// routes that hand out our own URLs answer 409 and say what to set.
    /// </summary>
    public Uri Base() => options.Value.PublicBaseUrl is { IsAbsoluteUri: true } configured
        ? new Uri(configured.AbsoluteUri.TrimEnd('/') + "/")
        : throw new ConflictException($"La dirección pública de la API no está configurada: defina {PurchaseOptions.Section}:PublicBaseUrl (https://<su-function-app>.azurewebsites.net).");

    /// <summary>
    /// Whether a login page is our own UniFi guest page (<c>/guest/s/{site}/</c> at <see cref="Base"/>), where the
    /// guest page's purchases return: it is no open redirect, whatever the router's <c>hosts_login</c>.
    /// </summary>
    public bool IsGuestPage(Uri page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.IsAbsoluteUri && options.Value.PublicBaseUrl is { IsAbsoluteUri: true } configured
            && Uri.Compare(page, configured, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            && page.AbsolutePath.StartsWith("/guest/s/", StringComparison.Ordinal);
    }

    /// <summary>The <c>resultado</c> of a return through the failure/cancel URL.</summary>
    public const string Fallo = "fallo";

    public static Uri Return(Uri baseUrl, string compraId, string token, string resultado) =>
        new(baseUrl, $"api/v1/compras/{Uri.EscapeDataString(compraId)}/retorno?t={Uri.EscapeDataString(token)}&resultado={resultado}");

    public static Uri Webhook(Uri baseUrl, PaymentProviderKind proveedor, long empresaId) =>
        new(baseUrl, string.Create(CultureInfo.InvariantCulture, $"api/v1/webhooks/{PaymentProviderNames.Of(proveedor)}/{empresaId}"));

    /// <summary>Mercado Pago's notification_url: webhooks only, no legacy IPN.</summary>
    public static Uri Notification(Uri baseUrl, PaymentProviderKind proveedor, long empresaId) =>
        new(Webhook(baseUrl, proveedor, empresaId) + "?source_news=webhooks");
}
