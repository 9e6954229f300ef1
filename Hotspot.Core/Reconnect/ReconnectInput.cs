using System.Net;
using Hotspot.Drivers;
using Hotspot.Http;

namespace Hotspot.Reconnect;

/// <summary>A validated auto-reconnect request: names decoded, MACs and the IP parsed.</summary>
public sealed record ReconnectInput(string Username, string Password, MacAddress? StoredMac, MacAddress CurrentMac, IPAddress? CurrentIp, string? CurrentSsid)
{
    private const int MaxNameLength = 128;

    /// <summary>The input, or the 422 naming each field that does not parse.</summary>
    public static (ReconnectInput? Input, IResult? Error) From(AutoReconnectRequest request)
    {
        var errors = new FieldErrors();
        var username = Decode(request.Username);
        if (string.IsNullOrWhiteSpace(username))
        {
            errors.Add("username", "Obligatorio.");
        }
        else if (username.Length > MaxNameLength || username.Any(char.IsControl))
        {
            errors.Add("username", $"Hasta {MaxNameLength} caracteres, sin caracteres de control.");
        }

        var password = request.Password ?? "";
        if (password.Length > MaxNameLength || password.Any(char.IsControl))
        {
            errors.Add("password", $"Hasta {MaxNameLength} caracteres, sin caracteres de control.");
        }

        var currentMac = ParseMac(Decode(request.CurrentMac));
        if (string.IsNullOrWhiteSpace(request.CurrentMac))
        {
            errors.Add("current_mac", "Obligatorio.");
        }
        else if (currentMac is null)
        {
            errors.Add("current_mac", "No es una dirección MAC (AA:BB:CC:DD:EE:FF, con ':' o '-', o 12 dígitos hexadecimales).");
        }

        MacAddress? storedMac = null;
        if (!string.IsNullOrWhiteSpace(request.StoredMac) && (storedMac = ParseMac(Decode(request.StoredMac))) is null)
        {
            errors.Add("stored_mac", "No es una dirección MAC.");
        }

        IPAddress? currentIp = null;
        if (!string.IsNullOrWhiteSpace(request.CurrentIp)
            && (!IPAddress.TryParse(request.CurrentIp.Trim(), out currentIp) || currentIp.ToString() != request.CurrentIp.Trim()))
        {
            errors.Add("current_ip", "No es una dirección IP.");
        }

        var ssid = request.CurrentSsid is { Length: > 0 } s && s.Length <= 64 && !s.Any(char.IsControl) ? s : null;
        return errors.Any
            ? (null, errors.ToResult())
            : (new ReconnectInput(username!.Trim(), password, storedMac, currentMac!.Value, currentIp, ssid), null);
    }

    /// <summary>The MAC, or null when the text is not one.</summary>
    public static MacAddress? ParseMac(string? text) => MacAddress.TryParse(text?.Trim(), out var mac) ? mac : null;

    private static string? Decode(string? value)
    {
        if (value is null || !value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
