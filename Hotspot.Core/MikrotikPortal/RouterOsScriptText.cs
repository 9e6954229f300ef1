using System.Text;

namespace Hotspot.MikrotikPortal;

/// <summary>
/// Values written into a RouterOS script: always inside double quotes, with the characters RouterOS gives meaning
/// there escaped (<c>\</c>, <c>"</c>, <c>$</c> for variables, <c>?</c> for console help) and control characters written
/// as <c>\HH</c>, so that no value can end the string or start another command.
/// </summary>
public static class RouterOsScriptText
{
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' or '"' or '$' or '?' => quoted.Append('\\').Append(c),
                < ' ' or (char)0x7F => quoted.Append('\\').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
