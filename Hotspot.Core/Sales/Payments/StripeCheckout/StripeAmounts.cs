namespace Hotspot.Sales.Payments.StripeCheckout;

/// <summary>Stripe counts money in the currency's smallest unit: cents for MXN/USD, whole units for zero-decimal currencies.</summary>
internal static class StripeAmounts
{
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    public static long ToMinor(decimal amount, string currency)
    {
        var minor = ZeroDecimal.Contains(currency) ? amount : amount * 100m;
        return minor == decimal.Truncate(minor)
            ? (long)minor
            : throw new ArgumentException($"{amount} {currency} has more decimals than the currency allows.", nameof(amount));
    }

    public static decimal FromMinor(long minor, string currency) => ZeroDecimal.Contains(currency) ? minor : minor / 100m;
}
