using Hotspot.Sales.Payments;

namespace Hotspot.MikrotikPortal;

/// <summary>
/// The hosts a guest's browser reaches while paying with each provider, before it is logged in: the hosted checkout
/// page and what that page loads. From the providers' documentation; they drift, so operators check them on a real
/// router (unverified lists, see ../docs/deploy.md). A provider API base set to another host (the payment simulator)
/// adds that host.
/// </summary>
public static class ProviderHosts
{
    private static readonly Dictionary<PaymentProviderKind, string[]> Documented = new Dictionary<PaymentProviderKind, string[]>
    {
        [PaymentProviderKind.MercadoPago] = ["www.mercadopago.com", "www.mercadopago.com.mx", "api.mercadopago.com", "secure.mlstatic.com", "http2.mlstatic.com", "www.mercadolibre.com"],
        [PaymentProviderKind.Stripe] = ["checkout.stripe.com", "js.stripe.com", "api.stripe.com", "m.stripe.network", "q.stripe.com"],
    };

    public static IEnumerable<string> For(PaymentProviderKind provider, PaymentProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = provider == PaymentProviderKind.MercadoPago ? options.MercadoPagoApiBase : options.StripeApiBase;
        return Documented[provider].Append(configured.Host).Distinct(StringComparer.OrdinalIgnoreCase);
    }
}
