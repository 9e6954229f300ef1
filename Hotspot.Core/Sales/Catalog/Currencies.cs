using System.Globalization;

namespace Hotspot.Sales.Catalog;

/// <summary>ISO 4217 codes, as .NET knows them from the regions of its cultures.</summary>
public static class Currencies
{
    private static readonly HashSet<string> Known = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .OfType<string>()
        .Where(code => code.Length == 3)
        .ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is { Length: 3 } && Known.Contains(code);
}
