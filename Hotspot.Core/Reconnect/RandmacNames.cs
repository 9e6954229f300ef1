using System.Globalization;

namespace Hotspot.Reconnect;

/// <summary>Clone names: <c>&lt;base&gt;_RANDMAC&lt;n&gt;</c>, n in 1..<see cref="MaxClones"/>.</summary>
public static class RandmacNames
{
    public const int MaxClones = 15;
    private const string Suffix = "_RANDMAC";

    public static string CloneName(string baseName, int slot) =>
        string.Create(CultureInfo.InvariantCulture, $"{baseName}{Suffix}{slot}");

    /// <summary>The base user's name: <paramref name="name"/> without a trailing <c>_RANDMAC&lt;n&gt;</c>.</summary>
    public static string BaseOf(string name) => TryParseClone(name, out var baseName, out _) ? baseName : name;

    public static bool TryParseClone(string name, out string baseName, out int slot)
    {
        (baseName, slot) = (name, 0);
        var at = name.LastIndexOf(Suffix, StringComparison.OrdinalIgnoreCase);
        if (at <= 0 || !int.TryParse(name.AsSpan(at + Suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            return false;
        }

        (baseName, slot) = (name[..at], n);
        return true;
    }
}
