using System.Globalization;
using System.Text;

namespace Hotspot.RouterOs;

/// <summary>RouterOS durations: <c>1w2d3h4m5s</c>, <c>500ms</c>, <c>0s</c>, and the older <c>[Nd]01:22:53</c> form.</summary>
public static class RouterOsDuration
{
    public static TimeSpan Parse(string value) =>
        TryParse(value, out var duration) ? duration : throw new FormatException($"'{value}' is not a RouterOS duration.");

    public static bool TryParse(string? value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        return value.Contains(':', StringComparison.Ordinal) ? TryParseClock(value, ref duration) : TryParseUnits(value, ref duration);
    }

    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        Append(text, duration.Days / 7, "w");
        Append(text, duration.Days % 7, "d");
        Append(text, duration.Hours, "h");
        Append(text, duration.Minutes, "m");
        Append(text, duration.Seconds, "s");
        Append(text, duration.Milliseconds, "ms");
        return text.ToString();
    }

    private static void Append(StringBuilder text, int amount, string unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    private static bool TryParseUnits(string value, ref TimeSpan duration)
    {
        var i = 0;
        while (i < value.Length)
        {
            var start = i;
            while (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                i++;
            }

            if (i == start || !long.TryParse(value.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            var unitStart = i;
            while (i < value.Length && char.IsAsciiLetter(value[i]))
            {
                i++;
            }

            TimeSpan? unit = value[unitStart..i] switch
            {
                "w" => TimeSpan.FromDays(7),
                "d" => TimeSpan.FromDays(1),
                "h" => TimeSpan.FromHours(1),
                "m" => TimeSpan.FromMinutes(1),
                "s" or "" => TimeSpan.FromSeconds(1),
                "ms" => TimeSpan.FromMilliseconds(1),
                _ => null,
            };
            if (unit is null)
            {
                return false;
            }

            duration += unit.Value * amount;
        }

        return true;
    }

    private static bool TryParseClock(string value, ref TimeSpan duration)
    {
        var days = 0;
        var clock = value;
        var dayMark = value.IndexOf('d', StringComparison.Ordinal);
        if (dayMark > 0)
        {
            var daysPart = value[..dayMark].TrimEnd('w');
            if (!int.TryParse(daysPart, NumberStyles.None, CultureInfo.InvariantCulture, out days))
            {
                return false;
            }

            clock = value[(dayMark + 1)..];
        }

        var parts = clock.Split(':');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || !double.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        duration = TimeSpan.FromDays(days) + TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(seconds);
        return true;
    }
}
