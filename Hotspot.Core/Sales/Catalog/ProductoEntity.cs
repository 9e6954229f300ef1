using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Catalog;

/// <summary>
/// A product a router sells: time (the TL of the hotspot user a purchase creates), an optional data cap, and the
/// MikroTik profile or UniFi rate limits the user gets. Partition = the router's id, row = the product's id. Never
/// deleted: a deactivated product stays for the purchases that name it.
/// </summary>
public sealed class ProductoEntity : StoredEntity
{
    public string Id { get; set; } = "";

    public long RouterId { get; set; }

    public long EmpresaId { get; set; }

    public string NombreVenta { get; set; } = "";

    public string? Descripcion { get; set; }

    public string? ImagenUrl { get; set; }

    /// <summary>The price in the currency's hundredths: money is never a float here.</summary>
    public long PrecioCentavos { get; set; }

    public string Moneda { get; set; } = "";

    public long TiempoSegundos { get; set; }

    public long? LimiteMb { get; set; }

    public string? PerfilMikrotikId { get; set; }

    public string? PerfilMikrotikNombre { get; set; }

    public int? LimiteSubidaKbps { get; set; }

    public int? LimiteBajadaKbps { get; set; }

    public bool Activo { get; set; } = true;

    public int OrdenVisual { get; set; }

    public bool Destacado { get; set; }

    /// <summary>The <c>detalles</c> array as JSON text (at most 4 KiB).</summary>
    public string DetallesJson { get; set; } = "[]";

    public DateTimeOffset CreadoEn { get; set; }

    public DateTimeOffset ActualizadoEn { get; set; }

    public decimal Precio => Money.FromCents(PrecioCentavos);
}
