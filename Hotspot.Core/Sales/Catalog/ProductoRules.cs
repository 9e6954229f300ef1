using System.Text.Json;
using Hotspot.Http;
using Hotspot.Tenancy;

namespace Hotspot.Sales.Catalog;

/// <summary>
/// Checks a product request field by field for the router's kind and copies what is valid onto the product. A MikroTik
/// product names a hotspot user profile (checked against the router by <see cref="ProductCatalog"/>); a UniFi product
/// may carry rate limits instead.
/// </summary>
internal static class ProductoRules
{
    public const long MaxSeconds = 10L * 365 * 24 * 3600;
    public const long MaxMegabytes = 9_437_184;
    public const int MaxKbps = 10_000_000;
    private const int MaxDetallesBytes = 4096;
    private const int MaxDetalles = 20;

    public static FieldErrors Apply(ProductoRequest request, ProductoEntity producto, string routerTipo, bool creating)
    {
        var errors = new FieldErrors();
        if (creating || request.NombreVenta is not null)
        {
            if (Validation.IsName(request.NombreVenta) && request.NombreVenta!.Trim().Length <= 100)
            {
                producto.NombreVenta = request.NombreVenta.Trim();
            }
            else
            {
                errors.Add("nombre_venta", "Obligatorio, hasta 100 caracteres, sin caracteres de control.");
            }
        }

        Text(request.Descripcion, "descripcion", 500, errors, v => producto.Descripcion = v);
        if (request.ImagenUrl is not null)
        {
            if (Uri.TryCreate(request.ImagenUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && request.ImagenUrl.Length <= 500)
            {
                producto.ImagenUrl = url.AbsoluteUri;
            }
            else
            {
                errors.Add("imagen_url", "Debe ser una URL http(s) de hasta 500 caracteres.");
            }
        }

        if (creating || request.Precio is not null)
        {
            if (request.Precio is { } precio && Money.ToCents(precio) is { } cents)
            {
                producto.PrecioCentavos = cents;
            }
            else
            {
                errors.Add("precio", "Obligatorio: un importe mayor que 0 con dos decimales como máximo.");
            }
        }

        if (creating || request.Moneda is not null)
        {
            if (Currencies.IsKnown(request.Moneda))
            {
                producto.Moneda = request.Moneda!;
            }
            else
            {
                errors.Add("moneda", "Obligatorio: un código ISO 4217 en mayúsculas (MXN, USD, EUR…).");
            }
        }

        if (creating || request.TiempoSegundos is not null)
        {
            if (request.TiempoSegundos is > 0 and <= MaxSeconds)
            {
                producto.TiempoSegundos = request.TiempoSegundos.Value;
            }
            else
            {
                errors.Add("tiempo_segundos", $"Obligatorio: los segundos de acceso que se venden, de 1 a {MaxSeconds}.");
            }
        }

        if (request.LimiteMb is { } mb)
        {
            if (mb is > 0 and <= MaxMegabytes)
            {
                producto.LimiteMb = mb;
            }
            else
            {
                errors.Add("limite_mb", $"De 1 a {MaxMegabytes} MB.");
            }
        }

        ApplyKind(request, producto, routerTipo, creating, errors);
        producto.Activo = request.Activo ?? producto.Activo;
        producto.Destacado = request.Destacado ?? producto.Destacado;
        if (request.OrdenVisual is { } orden)
        {
            if (orden is >= 0 and <= 10_000)
            {
                producto.OrdenVisual = orden;
            }
            else
            {
                errors.Add("orden_visual", "De 0 a 10000.");
            }
        }

        if (request.Detalles is { } detalles)
        {
            var json = detalles.GetRawText();
            if (detalles.ValueKind == JsonValueKind.Array && detalles.GetArrayLength() <= MaxDetalles
                && detalles.EnumerateArray().All(d => d.ValueKind is JsonValueKind.Object or JsonValueKind.String)
                && System.Text.Encoding.UTF8.GetByteCount(json) <= MaxDetallesBytes)
            {
                producto.DetallesJson = json;
            }
            else
            {
                errors.Add("detalles", $"Una lista de hasta {MaxDetalles} textos u objetos, {MaxDetallesBytes} bytes en total.");
            }
        }

        return errors;
    }

    private static void ApplyKind(ProductoRequest request, ProductoEntity producto, string routerTipo, bool creating, FieldErrors errors)
    {
        if (routerTipo == "mikrotik")
        {
            if (request.LimiteSubidaKbps is not null || request.LimiteBajadaKbps is not null)
            {
                errors.Add(request.LimiteSubidaKbps is not null ? "limite_subida_kbps" : "limite_bajada_kbps",
                    "Los límites de velocidad de un router MikroTik vienen de su perfil (perfil_mikrotik_nombre).");
            }

            if (request.PerfilMikrotikNombre is not null || creating)
            {
                var perfil = request.PerfilMikrotikNombre?.Trim() ?? "default";
                if (perfil.Length is > 0 and <= 64 && !perfil.Any(char.IsControl))
                {
                    producto.PerfilMikrotikNombre = perfil;
                }
                else
                {
                    errors.Add("perfil_mikrotik_nombre", "Hasta 64 caracteres, sin caracteres de control.");
                }
            }

            return;
        }

        if (request.PerfilMikrotikNombre is not null)
        {
            errors.Add("perfil_mikrotik_nombre", "Solo para routers MikroTik; en UniFi use limite_subida_kbps y limite_bajada_kbps.");
        }

        Kbps(request.LimiteSubidaKbps, "limite_subida_kbps", errors, v => producto.LimiteSubidaKbps = v);
        Kbps(request.LimiteBajadaKbps, "limite_bajada_kbps", errors, v => producto.LimiteBajadaKbps = v);
    }

    private static void Text(string? value, string field, int max, FieldErrors errors, Action<string?> set)
    {
        if (value is null)
        {
            return;
        }

        if (Validation.IsOptionalText(value, max))
        {
            set(value.Trim().Length == 0 ? null : value.Trim());
        }
        else
        {
            errors.Add(field, $"Hasta {max} caracteres, sin caracteres de control.");
        }
    }

    private static void Kbps(int? value, string field, FieldErrors errors, Action<int> set)
    {
        if (value is { } kbps)
        {
            if (kbps is > 0 and <= MaxKbps)
            {
                set(kbps);
            }
            else
            {
                errors.Add(field, $"De 1 a {MaxKbps} kbps.");
            }
        }
    }
}
