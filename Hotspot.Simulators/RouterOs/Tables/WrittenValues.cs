using Hotspot.Drivers;

namespace Hotspot.Simulators.RouterOs;

/// <summary>
/// What RouterOS does with a value before storing it: booleans become <c>true</c>/<c>false</c> whichever of
/// yes/no/true/false was typed, MAC addresses become upper case with colons, and values that are neither are refused.
/// </summary>
internal static class WrittenValues
{
    /// <summary>RouterOS's trap for a value that is not a MAC address (seen on <c>/ip/hotspot/ip-binding/add</c>).</summary>
    public const string InvalidMac = "invalid value of mac-address, mac address required";

    /// <summary>The canonical values, or the trap text for the first value RouterOS would refuse.</summary>
    public static string? Normalise(SimMenu menu, Dictionary<string, string> values)
    {
        foreach (var name in values.Keys.ToList())
        {
            var value = values[name];
            if (menu.Booleans.Contains(name))
            {
                if (Boolean(value) is not { } flag)
                {
                    // RouterOS's enum wording; its exact text for a bad boolean is unverified.
                    return "input does not match any value of " + name;
                }

                values[name] = flag;
            }
            else if (name == "mac-address")
            {
                if (Mac(value) is not { } mac)
                {
                    return InvalidMac;
                }

                values[name] = mac;
            }
        }

        return null;
    }

    /// <summary><c>AA:BB:CC:DD:EE:FF</c> for any form RouterOS accepts (colons, dashes, dots or none; any case).</summary>
    public static string? Mac(string? text) =>
        MacAddress.TryParse(text, out var mac) ? mac.ToString().ToUpperInvariant() : null;

    private static string? Boolean(string value) => value.ToUpperInvariant() switch
    {
        "YES" or "TRUE" => "true",
        "NO" or "FALSE" => "false",
        _ => null,
    };
}
