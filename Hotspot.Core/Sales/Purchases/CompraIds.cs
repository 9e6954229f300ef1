using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hotspot.Sales.Purchases;

/// <summary>
/// Purchase ids carry their company and sort newest first: <c>{empresaId}-{9 symbols of inverted time}{6 random}</c>.
/// The company makes a purchase found by id alone with one point read (admin routes); the inverted time makes a
/// company's partition list newest first and turns a date range into a row-key range.
/// </summary>
public static class CompraIds
{
    /// <summary>Digits then lower-case letters without look-alikes: ordinal order equals numeric order.</summary>
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int TimeSymbols = 9;
    private const int RandomSymbols = 6;
    private const long TimeSpace = 1L << (5 * TimeSymbols);

    public static string New(long empresaId, DateTimeOffset now) =>
        Prefix(empresaId) + TimePart(now) + RandomNumberGenerator.GetString(Alphabet, RandomSymbols);

    /// <summary>Every id of the company starts with this; its row keys sort between it and <see cref="PartitionEnd"/>.</summary>
    public static string Prefix(long empresaId) => string.Create(CultureInfo.InvariantCulture, $"{empresaId}-");

    public static string PartitionEnd(long empresaId) => Prefix(empresaId) + "~";

    /// <summary>The smallest row key of a purchase created at or before <paramref name="time"/> (ids run newest first).</summary>
    public static string AtOrBefore(long empresaId, DateTimeOffset time) => Prefix(empresaId) + TimePart(time);

    /// <summary>The largest row key of a purchase created at or after <paramref name="time"/>.</summary>
    public static string AtOrAfter(long empresaId, DateTimeOffset time) => Prefix(empresaId) + TimePart(time) + "~";

    /// <summary>The company an id names, or null when the text is not a purchase id.</summary>
    public static long? EmpresaOf(string? compraId)
    {
        if (compraId is not { Length: >= 17 and <= 40 } || compraId.IndexOf('-', StringComparison.Ordinal) is not (> 0 and var dash)
            || compraId.Length - dash - 1 != TimeSymbols + RandomSymbols || !compraId[(dash + 1)..].All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        return long.TryParse(compraId.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var empresaId) && empresaId > 0 ? empresaId : null;
    }

    private static string TimePart(DateTimeOffset time)
    {
        var inverted = TimeSpace - 1 - Math.Clamp(time.ToUnixTimeMilliseconds(), 0, TimeSpace - 1);
        var text = new StringBuilder(TimeSymbols);
        for (var i = TimeSymbols - 1; i >= 0; i--)
        {
            text.Append(Alphabet[(int)((inverted >> (5 * i)) & 31)]);
        }

        return text.ToString();
    }
}
