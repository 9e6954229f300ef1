using System.Globalization;
using System.Security.Cryptography;

namespace Hotspot.Sales.Catalog;

/// <summary>
/// Product ids carry their router: <c>{routerId}-{6 symbols}</c>, so a product is found from its id alone with one
/// point read and no index to keep in step. The symbols avoid look-alikes (no 0/O/1/I/L).
/// </summary>
public static class ProductoIds
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New(long routerId) =>
        string.Create(CultureInfo.InvariantCulture, $"{routerId}-{RandomNumberGenerator.GetString(Alphabet, 6)}");

    /// <summary>The router a product id names, or null when the text is not a product id.</summary>
    public static long? RouterOf(string? productoId)
    {
        if (productoId is not { Length: >= 8 and <= 28 } || productoId.IndexOf('-', StringComparison.Ordinal) is not (> 0 and var dash)
            || productoId.Length - dash - 1 != 6 || !productoId[(dash + 1)..].All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        return long.TryParse(productoId.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var routerId) && routerId > 0 ? routerId : null;
    }
}
