namespace Hotspot.RouterOs;

/// <summary>RouterOS booleans: <c>true</c>/<c>false</c>, and <c>yes</c>/<c>no</c> from older output.</summary>
public static class RouterOsBool
{
    public static bool Parse(string value) => value.ToUpperInvariant() switch
    {
        "TRUE" or "YES" => true,
        "FALSE" or "NO" => false,
        _ => throw new FormatException($"'{value}' is not a RouterOS boolean."),
    };

    public static string Format(bool value) => value ? "true" : "false";
}
