using System.Globalization;

namespace Hotspot.Vouchers;

/// <summary>Seed 002's <c>valid_for</c> values: 'always', '1 hour', '2 hours'..'23 hours', '1 day', '2 days'..'30 days', then 35..60 days by 5, 90..180 by 30, 365.</summary>
public static class ValidFor
{
    public const string Always = "always";
    public const string Default = "1 day";

    public static readonly IReadOnlyList<string> Allowed = BuildAllowed();

    public static string AllowedText { get; } = string.Join(", ", Allowed.Select(v => "'" + v + "'"));

    /// <summary>The duration of a valid value (null for 'always'); false when the value is not one of the seed's.</summary>
    public static bool TryParse(string text, out TimeSpan? duration)
    {
        duration = null;
        if (!Allowed.Contains(text, StringComparer.Ordinal))
        {
            return false;
        }

        if (text == Always)
        {
            return true;
        }

        var parts = text.Split(' ');
        var n = int.Parse(parts[0], CultureInfo.InvariantCulture);
        duration = parts[1].StartsWith("hour", StringComparison.Ordinal) ? TimeSpan.FromHours(n) : TimeSpan.FromDays(n);
        return true;
    }

    private static List<string> BuildAllowed()
    {
        var values = new List<string> { Always, "1 hour" };
        values.AddRange(Enumerable.Range(2, 22).Select(h => string.Create(CultureInfo.InvariantCulture, $"{h} hours")));
        values.Add("1 day");
        int[] days = [.. Enumerable.Range(2, 29), 35, 40, 45, 50, 55, 60, 90, 120, 150, 180, 365];
        values.AddRange(days.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d} days")));
        return values;
    }
}
