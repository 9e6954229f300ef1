namespace Hotspot.Simulators.Payments;

/// <summary>Which provider's dialect an account, a checkout or a webhook speaks.</summary>
public enum PaymentProvider
{
    MercadoPago,
    Stripe,
}

public static class PaymentProviderNames
{
    public const string MercadoPago = "mercado_pago";
    public const string Stripe = "stripe";

    public static string Of(PaymentProvider provider) => provider == PaymentProvider.Stripe ? Stripe : MercadoPago;

    public static PaymentProvider? Parse(string? name) => name switch
    {
        MercadoPago => PaymentProvider.MercadoPago,
        Stripe => PaymentProvider.Stripe,
        _ => null,
    };
}
