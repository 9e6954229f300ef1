using System.Globalization;

namespace Hotspot.RouterOs;

/// <summary>Item ids: <c>*</c> and uppercase hexadecimal, e.g. <c>*1A</c>.</summary>
public static class RouterOsId
{
    public static string Format(long number) => "*" + number.ToString("X", CultureInfo.InvariantCulture);

    public static bool TryParse(string? id, out long number)
    {
        number = 0;
        return id is { Length: > 1 } && id[0] == '*'
            && long.TryParse(id.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out number);
    }
}
