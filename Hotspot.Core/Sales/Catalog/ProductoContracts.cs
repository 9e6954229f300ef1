using System.Text.Json;

namespace Hotspot.Sales.Catalog;

/// <summary>What an operator sends to create or change a product; on a PATCH, absent fields keep their value.</summary>
public sealed record ProductoRequest(
    string? NombreVenta,
    string? Descripcion,
    string? ImagenUrl,
    decimal? Precio,
    string? Moneda,
    long? TiempoSegundos,
    long? LimiteMb,
    string? PerfilMikrotikNombre,
    int? LimiteSubidaKbps,
    int? LimiteBajadaKbps,
    bool? Activo,
    int? OrdenVisual,
    bool? Destacado,
    JsonElement? Detalles);

/// <summary>A product as operators see it.</summary>
public sealed record ProductoResponse(
    string Id,
    long RouterId,
    string NombreVenta,
    string? Descripcion,
    string? ImagenUrl,
    decimal Precio,
    string Moneda,
    long TiempoSegundos,
    long? LimiteMb,
    string? PerfilMikrotikId,
    string? PerfilMikrotikNombre,
    int? LimiteSubidaKbps,
    int? LimiteBajadaKbps,
    bool Activo,
    int OrdenVisual,
    bool Destacado,
    JsonElement Detalles,
    DateTimeOffset CreadoEn,
    DateTimeOffset ActualizadoEn)
{
    public static ProductoResponse From(ProductoEntity p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.RouterId, p.NombreVenta, p.Descripcion, p.ImagenUrl, p.Precio, p.Moneda, p.TiempoSegundos, p.LimiteMb,
            p.PerfilMikrotikId, p.PerfilMikrotikNombre, p.LimiteSubidaKbps, p.LimiteBajadaKbps, p.Activo, p.OrdenVisual, p.Destacado,
            DetallesOf(p), p.CreadoEn, p.ActualizadoEn);
    }

    internal static JsonElement DetallesOf(ProductoEntity p) => JsonDocument.Parse(p.DetallesJson).RootElement.Clone();
}

/// <summary>A hotspot user profile of a MikroTik router, to choose a product's <c>perfil_mikrotik_nombre</c> from.</summary>
public sealed record PerfilMikrotik(string Id, string Nombre);
