using System.Text.Json;
using Hotspot.Drivers;

namespace Hotspot.PortalLogin;

/// <summary>
/// The fields of seed 001's <c>data</c>: a JSON string holding an object (an object in place of the string is
/// accepted too). Everything is checked strictly; the first problem found is the 400's message.
/// </summary>
public sealed record PortalLoginInput(
    string Uid, MacAddress ApMac, MacAddress Mac, string Ip, string? OriginalUrl, string? ControllerAddress, int SessionTimeout, int? IdleTimeout)
{
    public const int DefaultSessionTimeout = 3600;
    public const int MaxTimeout = 365 * 24 * 3600;
    private const int MaxUid = 256;
    private const int MaxUrl = 2048;

    public static (PortalLoginInput? Input, string? Error) From(JsonElement? body)
    {
        if (body is not { ValueKind: not JsonValueKind.Null } data)
        {
            return (null, "Falta 'data': una cadena JSON con uid, ap_mac, mac e ip.");
        }

        if (data.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var inner = JsonDocument.Parse(data.GetString()!);
                return Http.JsonBody.HasValidText(inner.RootElement)
                    ? Fields(inner.RootElement)
                    : (null, "'data' contiene texto que no es UTF-16 válido (un carácter sustituto suelto).");
            }
            catch (JsonException)
            {
                return (null, "'data' no contiene JSON válido.");
            }
        }

        return Fields(data);
    }

    private static (PortalLoginInput?, string?) Fields(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return (null, "'data' debe ser un objeto JSON (o una cadena que lo contenga).");
        }

        if (Text(data, "uid", MaxUid, required: true, out var uid) is { } uidError)
        {
            return (null, uidError);
        }

        if (uid!.Any(char.IsControl))
        {
            return (null, "'uid' no puede contener caracteres de control.");
        }

        if (ReadMac(data, "ap_mac", out var apMac) is { } apError)
        {
            return (null, apError);
        }

        if (ReadMac(data, "mac", out var mac) is { } macError)
        {
            return (null, macError);
        }

        if (Text(data, "ip", 45, required: true, out var ipText) is { } ipError)
        {
            return (null, ipError);
        }

        if (!IpAddressText.TryNormalize(ipText, out var ip))
        {
            return (null, "'ip' no es una dirección IP válida (p. ej. 192.168.1.100).");
        }

        if (Text(data, "original_url", MaxUrl, required: false, out var url) is { } urlError)
        {
            return (null, urlError);
        }

        if (Text(data, "controller_address", 253, required: false, out var controller) is { } controllerError)
        {
            return (null, controllerError);
        }

        if (Seconds(data, "session_timeout", out var session) is { } sessionError)
        {
            return (null, sessionError);
        }

        if (Seconds(data, "idle_timeout", out var idle) is { } idleError)
        {
            return (null, idleError);
        }

        return (new PortalLoginInput(uid!, apMac, mac, ip, url, controller, session ?? DefaultSessionTimeout, idle), null);
    }

    private static string? Text(JsonElement data, string name, int max, bool required, out string? value)
    {
        value = null;
        if (!data.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return required ? $"Falta '{name}'." : null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return $"'{name}' debe ser una cadena.";
        }

        value = element.GetString()!.Trim();
        if (value.Length == 0)
        {
            value = null;
            return required ? $"'{name}' no puede estar vacío." : null;
        }

        return value.Length > max ? $"'{name}' admite hasta {max} caracteres." : null;
    }

    private static string? ReadMac(JsonElement data, string name, out MacAddress mac)
    {
        mac = default;
        if (Text(data, name, 17, required: true, out var text) is { } error)
        {
            return error;
        }

        return MacAddress.TryParse(text, out mac) ? null : $"'{name}' no es una MAC válida (p. ej. aa:bb:cc:dd:ee:ff).";
    }

    private static string? Seconds(JsonElement data, string name, out int? seconds)
    {
        seconds = null;
        if (!data.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
        {
            return $"'{name}' debe ser un entero (segundos).";
        }

        if (value is < 1 or > MaxTimeout)
        {
            return $"'{name}' debe estar entre 1 y {MaxTimeout} segundos.";
        }

        seconds = value;
        return null;
    }
}
