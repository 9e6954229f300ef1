namespace Hotspot.Simulators.RouterOs.Radius;

/// <summary>
/// The hotspot profile's <c>radius-mac-format</c>: <c>XX:XX:XX:XX:XX:XX</c> (the default), <c>XXXX:XXXX:XXXX</c>,
/// <c>XXXXXX:XXXXXX</c>, <c>XX-XX-XX-XX-XX-XX</c>, <c>XXXXXX-XXXXXX</c>, <c>XXXXXXXXXXXX</c>, <c>XX XX XX XX XX XX</c>,
/// upper case as MikroTik sends it.
/// </summary>
internal static class RadiusMacFormat
{
    public static string Apply(string format, string macAddress)
    {
        var digits = new Queue<char>(macAddress.Where(Uri.IsHexDigit).Select(char.ToUpperInvariant));
        return new string([.. format.Select(c => c == 'X' && digits.Count > 0 ? digits.Dequeue() : c)]);
    }
}
