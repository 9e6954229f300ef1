using System.Net;
using System.Text.Json;
using Hotspot.Drivers;
using Hotspot.Http;
using Hotspot.Sales.Payments;
using Hotspot.Tenancy;

namespace Hotspot.Sales.Purchases;

/// <summary>The checks on a purchase request, all fields at once (422 naming each), and its normalized form.</summary>
public static class CompraRules
{
    public const int MaxIdempotencyKeyLength = 255;
    public const string TipoUsuarioContrasena = "usuario_contrasena";

    /// <summary>The request with its text normalized (MAC upper-case with colons, URLs absolute), or the 422.</summary>
    public static CompraRequest Validate(CompraRequest request, out PaymentProviderKind proveedor)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.ProductoId) || request.ProductoId.Length > 40)
        {
            errors.Add("producto_id", "Indique el producto a comprar.");
        }

        if (!PaymentProviderNames.TryParse(request.Proveedor, out proveedor))
        {
            errors.Add("proveedor", $"El proveedor es '{PaymentProviderNames.MercadoPago}' o '{PaymentProviderNames.Stripe}'.");
        }

        string? mac = null;
        if (request.MacCliente is { Length: > 0 } macText)
        {
            if (MacAddress.TryParse(macText, out var parsed))
            {
                mac = parsed.ToString();
            }
            else
            {
                errors.Add("mac_cliente", "La MAC debe tener la forma AA:BB:CC:DD:EE:FF.");
            }
        }

        if (request.IpCliente is { Length: > 0 } ip && (ip.Length > 45 || !IPAddress.TryParse(ip, out _)))
        {
            errors.Add("ip_cliente", "La IP no es válida.");
        }

        if (request.EmailCliente is { Length: > 0 } email && (email.Length > 254 || !Validation.IsEmail(email)))
        {
            errors.Add("email_cliente", "El correo no es válido.");
        }

        if (request.NombreCliente is { Length: > 100 })
        {
            errors.Add("nombre_cliente", "El nombre tiene como máximo 100 caracteres.");
        }

        if (request.TipoUsuario is { } tipo && tipo != TipoUsuarioContrasena)
        {
            errors.Add("tipo_usuario", $"Solo se vende el tipo '{TipoUsuarioContrasena}'.");
        }

        var urlLogin = WebUrl(request.UrlLogin);
        if (urlLogin is null)
        {
            errors.Add("url_login", "Indique la página de inicio de sesión del router (http o https, absoluta).");
        }

        var dst = request.Dst is null ? null : WebUrl(request.Dst);
        if (request.Dst is not null && dst is null)
        {
            errors.Add("dst", "El destino debe ser una URL http o https absoluta.");
        }

        errors.ThrowIfAny();
        return request with
        {
            ProductoId = request.ProductoId!.Trim(),
            MacCliente = mac,
            IpCliente = string.IsNullOrEmpty(request.IpCliente) ? null : request.IpCliente,
            EmailCliente = string.IsNullOrEmpty(request.EmailCliente) ? null : request.EmailCliente.Trim(),
            NombreCliente = string.IsNullOrWhiteSpace(request.NombreCliente) ? null : request.NombreCliente.Trim(),
            TipoUsuario = TipoUsuarioContrasena,
            ConexionAutomatica = request.ConexionAutomatica ?? false,
            UrlLogin = urlLogin,
            Dst = dst,
        };
    }

    /// <summary>The Idempotency-Key header, or the 400 when it is missing or too long.</summary>
    public static string IdempotencyKey(string? header) => header switch
    {
        null or { Length: 0 } => throw new BadRequestException("Falta la cabecera Idempotency-Key: genere un UUID por compra y guárdelo antes de enviar."),
        { Length: > MaxIdempotencyKeyLength } => throw new BadRequestException($"La cabecera Idempotency-Key tiene como máximo {MaxIdempotencyKeyLength} caracteres."),
        _ => header,
    };

    /// <summary>SHA-256 of the normalized request: equal for the same request whatever its spacing or field order.</summary>
    public static string Hash(CompraRequest normalized) => CompraClaims.Hash(JsonSerializer.Serialize(normalized, ApiJson.Options));

    private static string? WebUrl(string? text) =>
        text is { Length: > 0 and <= 2000 } && Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && string.IsNullOrEmpty(url.UserInfo)
            ? url.AbsoluteUri
            : null;
}
