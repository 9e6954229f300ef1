using System.Globalization;

namespace Hotspot.Reconnect;

/// <summary><c>HH:MM:SS</c>, hours unbounded (<c>123:04:05</c>), as seed 000 shows times.</summary>
public static class UptimeText
{
    public static string Format(TimeSpan duration)
    {
        var seconds = Math.Max(0, (long)duration.TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");
    }
}
