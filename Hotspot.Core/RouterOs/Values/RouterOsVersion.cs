using System.Globalization;
using System.Text.RegularExpressions;

namespace Hotspot.RouterOs;

/// <summary>A RouterOS version as <c>/system/resource</c> prints it: <c>6.49.10 (long-term)</c>, <c>7.1beta4 (development)</c>.</summary>
public sealed partial record RouterOsVersion(int Major, int Minor, int Patch, string Channel, string Text)
{
    public static RouterOsVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a RouterOS version.");
        }

        static int Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
        return new RouterOsVersion(Number(match.Groups["major"]), Number(match.Groups["minor"]), Number(match.Groups["patch"]),
            match.Groups["channel"].Success ? match.Groups["channel"].Value : string.Empty, text);
    }

    public bool IsAtLeast(int major, int minor, int patch = 0) => CompareTo(new RouterOsVersion(major, minor, patch, string.Empty, string.Empty)) >= 0;

    private int CompareTo(RouterOsVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byMajor = Major.CompareTo(other.Major);
        var byMinor = byMajor != 0 ? byMajor : Minor.CompareTo(other.Minor);
        return byMinor != 0 ? byMinor : Patch.CompareTo(other.Patch);
    }

    public override string ToString() => Text;

    [GeneratedRegex(@"^\s*(?<major>\d+)\.(?<minor>\d+)(?:\.(?<patch>\d+))?[^\s(]*\s*(?:\((?<channel>[^)]*)\))?")]
    private static partial Regex Pattern();
}
