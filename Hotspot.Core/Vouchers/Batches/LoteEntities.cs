using Hotspot.Tenancy.Entities;

namespace Hotspot.Vouchers.Batches;

/// <summary>A batch of printed fichas. Table LotesFichas, partition "r{router}", row "lote:{id}".</summary>
public sealed class LoteEntity : StoredEntity
{
    public const string Creando = "creando";
    public const string Lista = "lista";

    public long Id { get; set; }

    public long RouterId { get; set; }

    public long EmpresaId { get; set; }

    public int Cantidad { get; set; }

    public string Validez { get; set; } = "";

    public long LimiteDatosMb { get; set; }

    public string Prefijo { get; set; } = "";

    public string Estado { get; set; } = Creando;

    public long CreadoPor { get; set; }

    public DateTimeOffset CreadoEn { get; set; }

    public DateTimeOffset? ImpresoEn { get; set; }

    public static string PartitionFor(long routerId) => "r" + Key(routerId);

    public static string RowFor(long loteId) => "lote:" + Key(loteId);
}

/// <summary>An Idempotency-Key claimed by one batch: row "idem:{SHA-256 of the key}", with what the request asked.</summary>
public sealed class LoteClaimEntity : StoredEntity
{
    public long LoteId { get; set; }

    public string Huella { get; set; } = "";

    public static string RowFor(string keyHash) => "idem:" + keyHash;
}

/// <summary>A ficha sold over the counter; inserting it is what stops a second sale. Row "venta:{lote}:{code}".</summary>
public sealed class LoteVentaEntity : StoredEntity
{
    public string Codigo { get; set; } = "";

    public long UsuarioId { get; set; }

    public DateTimeOffset Fecha { get; set; }

    public static string Prefix(long loteId) => "venta:" + Key(loteId) + ":";

    public static string RowFor(long loteId, string codigo) => Prefix(loteId) + Uri.EscapeDataString(codigo);
}

/// <summary>A counter sale in the seller's ledger. Table VentasMostrador, partition "u{user}", row "{ticks}:{router}:{code}".</summary>
public sealed class VentaMostradorEntity : StoredEntity
{
    public long UsuarioId { get; set; }

    public long EmpresaId { get; set; }

    public long RouterId { get; set; }

    public long LoteId { get; set; }

    public string Codigo { get; set; } = "";

    public long PrecioCentavos { get; set; }

    public string Moneda { get; set; } = "";

    public DateTimeOffset Fecha { get; set; }

    public static string PartitionFor(long usuarioId) => "u" + Key(usuarioId);

    public static string RowStart(DateTimeOffset at) => at.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
