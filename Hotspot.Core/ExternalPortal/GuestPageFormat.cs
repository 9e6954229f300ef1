using System.Globalization;
using Hotspot.Sales.Payments;

namespace Hotspot.ExternalPortal;

/// <summary>How the guest page writes amounts (<c>$15.00 MXN</c>), providers (their names) and dates.</summary>
public static class GuestPageFormat
{
    private static readonly HashSet<string> DollarSign = new(["MXN", "USD", "CAD", "AUD", "COP", "ARS", "CLP", "UYU", "DOP"], StringComparer.Ordinal);

    public static string Money(decimal amount, string currency)
    {
        var sign = DollarSign.Contains(currency) ? "$" : currency == "EUR" ? "€" : currency == "GBP" ? "£" : "";
        return sign + amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " " + currency;
    }

    public static string Provider(string proveedor) => proveedor switch
    {
        PaymentProviderNames.MercadoPago => "Mercado Pago",
        PaymentProviderNames.Stripe => "Stripe",
        _ => proveedor,
    };

    /// <summary>In the company's time zone, named, as its sales days are counted.</summary>
    public static string Date(DateTimeOffset when, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(when, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (" + zone.Id + ")";
    }

    public static string Duration(long seconds, PortalText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var english = text.Lang == PortalText.English.Lang;
        return seconds switch
        {
            >= 86400 when seconds % 86400 == 0 => Plural(seconds / 86400, english ? "day" : "día", english ? "days" : "días"),
            >= 3600 when seconds % 3600 == 0 => Plural(seconds / 3600, english ? "hour" : "hora", english ? "hours" : "horas"),
            _ => Plural((seconds + 59) / 60, "min", "min"),
        };
    }

    private static string Plural(long n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
