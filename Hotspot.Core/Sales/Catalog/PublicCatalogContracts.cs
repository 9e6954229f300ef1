using System.Text.Json;
using Hotspot.Branding;

namespace Hotspot.Sales.Catalog;

/// <summary>
/// <c>GET /api/v1/config/public</c> in pagos_hotspot_api's shape, plus <c>pagos</c> (which providers the page may offer)
/// and <c>marca</c> (the venue's effective brand).
/// </summary>
public sealed record ConfigPublica(EmpresaPublica Empresa, RouterPublico Router, PagosPublicos Pagos, MarcaPublica Marca);

/// <summary>pagos' public keys stay in the shape (null until a provider that has one is configured).</summary>
public sealed record EmpresaPublica(long Id, string Nombre, string? ConektaPublicKey, string? MercadopagoPublicKey, string? ConektaMode);

public sealed record RouterPublico(long Id, string Nombre, string? Ubicacion);

public sealed record PagosPublicos(IReadOnlyList<string> Proveedores, string ModoPorDefecto);

/// <summary>
/// A catalog entry in pagos' <c>catalogo_perfiles_venta</c> shape (ids are strings here), plus <c>tiempo_segundos</c>,
/// <c>orden_visual</c> and <c>limite_mb</c>. <c>precio</c> is a number with two decimals.
/// </summary>
public sealed record ProductoEnVenta(
    string Id,
    string? PerfilMikrotikId,
    string? PerfilMikrotikNombre,
    string NombreVenta,
    string? Descripcion,
    string? ImagenUrl,
    decimal Precio,
    string Moneda,
    JsonElement Detalles,
    bool Destacado,
    DateTimeOffset CreadoEn,
    long TiempoSegundos,
    int OrdenVisual,
    long? LimiteMb)
{
    public static ProductoEnVenta From(ProductoEntity p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.PerfilMikrotikId, p.PerfilMikrotikNombre, p.NombreVenta, p.Descripcion, p.ImagenUrl, p.Precio, p.Moneda,
            ProductoResponse.DetallesOf(p), p.Destacado, p.CreadoEn, p.TiempoSegundos, p.OrdenVisual, p.LimiteMb);
    }
}
