namespace Hotspot.Sales.Payments;

/// <summary>A payment provider we sell through. Its wire name is the one used in URLs, JSON and secret names.</summary>
public enum PaymentProviderKind
{
    MercadoPago,
    Stripe,
}

public static class PaymentProviderNames
{
    public const string MercadoPago = "mercado_pago";
    public const string Stripe = "stripe";

    public static string Of(PaymentProviderKind kind) => kind switch
    {
        PaymentProviderKind.MercadoPago => MercadoPago,
        PaymentProviderKind.Stripe => Stripe,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? name, out PaymentProviderKind kind)
    {
        (var known, kind) = name switch
        {
            MercadoPago => (true, PaymentProviderKind.MercadoPago),
            Stripe => (true, PaymentProviderKind.Stripe),
            _ => (false, default),
        };
        return known;
    }
}
