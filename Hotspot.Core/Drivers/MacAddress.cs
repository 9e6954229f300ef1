using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Hotspot.Drivers;

/// <summary>
/// A 48-bit hardware address. Accepts <c>aa:bb:cc:dd:ee:ff</c>, <c>AA-BB-CC-DD-EE-FF</c>, <c>aabb.ccdd.eeff</c> and
/// <c>aabbccddeeff</c>; always prints lower-case with colons, which is how controllers report it. Being parsed from
/// exactly twelve hex digits, its text is safe to place in a controller's query or filter.
/// </summary>
public readonly record struct MacAddress
{
    private readonly ulong _value;

    private MacAddress(ulong value) => _value = value;

    /// <summary><c>00:00:00:00:00:00</c>: RouterOS's "no MAC".</summary>
    public bool IsZero => _value == 0;

    /// <summary>Locally administered (second hex digit 2, 6, A or E): typically a randomized, per-network MAC.</summary>
    public bool IsLocallyAdministered => ((_value >> 40) & 0x02) != 0;

    public static MacAddress Parse(string text) =>
        TryParse(text, out var mac) ? mac : throw new FormatException("Not a MAC address (expected six hex pairs such as aa:bb:cc:dd:ee:ff).");

    public static bool TryParse([NotNullWhen(true)] string? text, out MacAddress mac)
    {
        mac = default;
        if (text is null || text.Length is < 12 or > 17)
        {
            return false;
        }

        Span<char> digits = stackalloc char[12];
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiHexDigit(c))
            {
                if (count == 12)
                {
                    return false;
                }

                digits[count++] = c;
            }
            else if (c is not (':' or '-' or '.'))
            {
                return false;
            }
        }

        if (count != 12 || !IsWellSeparated(text))
        {
            return false;
        }

        mac = new MacAddress(ulong.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Whether <paramref name="text"/> (as a router or a caller wrote it) is this address.</summary>
    public bool Matches(string? text) => TryParse(text?.Trim(), out var other) && other == this;

    /// <summary>Upper case with colons: how RouterOS prints a MAC, and how the seeds show one.</summary>
    public string ToUpperString() => ToString().ToUpperInvariant();

    public override string ToString()
    {
        Span<char> text = stackalloc char[17];
        for (var i = 0; i < 6; i++)
        {
            var octet = (byte)(_value >> (8 * (5 - i)));
            octet.TryFormat(text[(i * 3)..], out _, "x2", CultureInfo.InvariantCulture);
            if (i < 5)
            {
                text[(i * 3) + 2] = ':';
            }
        }

        return new string(text);
    }

    // Separators only in the usual places: none, every two digits (':' or '-'), or every four ('.').
    private static bool IsWellSeparated(string text) => text.Length switch
    {
        12 => true,
        17 => (text[2] is ':' or '-') && AllSeparatorsAt(text, 3, text[2]),
        14 => text[4] == '.' && text[9] == '.',
        _ => false,
    };

    private static bool AllSeparatorsAt(string text, int every, char separator)
    {
        for (var i = every - 1; i < text.Length; i += every)
        {
            if (text[i] != separator)
            {
                return false;
            }
        }

        return true;
    }
}
