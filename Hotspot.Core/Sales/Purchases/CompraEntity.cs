using Hotspot.Sales.Catalog;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Purchases;

/// <summary>
/// One purchase: the product snapshot taken at creation (amount, currency, time, profile: never from the client), its
/// state and the history of its moves, the provider's references, the hotspot user name chosen at creation (the
/// password is derived, never stored; the consult token likewise), and the engine's work fields. Table <c>Compras</c>,
/// partition = the company (<see cref="CompraStore.Partition"/>), row = the purchase id (<see cref="CompraIds"/>, newest
/// first). Every write is ETag-checked.
/// </summary>
public sealed class CompraEntity : StoredEntity
{
    public string Id { get; set; } = "";

    public long EmpresaId { get; set; }

    public long RouterId { get; set; }

    // Product snapshot.
    public string ProductoId { get; set; } = "";

    public string ProductoNombre { get; set; } = "";

    public long MontoCentavos { get; set; }

    public string Moneda { get; set; } = "";

    public long TiempoSegundos { get; set; }

    public long? LimiteMb { get; set; }

    public string? PerfilMikrotikNombre { get; set; }

    public int? LimiteSubidaKbps { get; set; }

    public int? LimiteBajadaKbps { get; set; }

    // The buyer and the portal.
    public string TipoUsuario { get; set; } = "usuario_contrasena";

    public string? MacCliente { get; set; }

    public string? IpCliente { get; set; }

    public string? EmailCliente { get; set; }

    public string? NombreCliente { get; set; }

    public bool ConexionAutomatica { get; set; }

    /// <summary>The router's login page the buyer returns to (<c>/retorno</c> redirects there with the purchase in <c>var</c>).</summary>
    public string UrlLogin { get; set; } = "";

    public string? Dst { get; set; }

    // State.
    /// <summary>One of <see cref="CompraEstados"/>.</summary>
    public string Estado { get; set; } = CompraEstados.Creada;

    /// <summary>The provider's own word for the payment (MP approved, Stripe succeeded…), as last read.</summary>
    public string? EstadoPago { get; set; }

    /// <summary>Transitions as JSON, oldest first (<see cref="CompraHistorial"/>).</summary>
    public string HistorialJson { get; set; } = "[]";

    // Provider.
    /// <summary>mercado_pago or stripe.</summary>
    public string Proveedor { get; set; } = "";

    /// <summary>Mercado Pago preference id or Stripe Checkout Session id.</summary>
    public string? ReferenciaProveedor { get; set; }

    /// <summary>The payment that counts: MP payment id, Stripe PaymentIntent id.</summary>
    public string? PagoProveedorId { get; set; }

    public string? UrlPago { get; set; }

    /// <summary>When the checkout stops taking payments; fixed at creation so a retried creation sends the same parameters.</summary>
    public DateTimeOffset ExpiraEn { get; set; }

    /// <summary>Set when two approved payments were seen for this purchase (an alert for operators).</summary>
    public bool PagoDuplicado { get; set; }

    /// <summary>What payments other than <see cref="PagoProveedorId"/> took (a buyer who paid twice), in cents, as the provider last said.</summary>
    public long PagosExtraCentavos { get; set; }

    /// <summary>What was given back of <see cref="PagosExtraCentavos"/> (they are refunded automatically).</summary>
    public long PagosExtraReembolsadoCentavos { get; set; }

    /// <summary>The purchase's payment is or was disputed: null, or one of <see cref="CompraDisputas"/>.</summary>
    public string? Disputa { get; set; }

    /// <summary>What an open dispute holds (the provider withdrew it when the dispute opened), in cents; 0 once it closes.</summary>
    public long MontoEnDisputaCentavos { get; set; }

    // Access.
    /// <summary>The hotspot user name, chosen and stored before any router call; replaced only when someone else owns it.</summary>
    public string Usuario { get; set; } = "";

    /// <summary>The <c>auto_conexion</c> answer of the provisioning, as JSON, when the buyer's device was logged in.</summary>
    public string? AutoConexionJson { get; set; }

    // Refunds.
    public long MontoReembolsadoCentavos { get; set; }

    /// <summary>Refunds as JSON (<see cref="CompraReembolso"/>), including one requested but not yet confirmed.</summary>
    public string ReembolsosJson { get; set; } = "[]";

    // Times.
    public DateTimeOffset CreadaEn { get; set; }

    public DateTimeOffset ActualizadaEn { get; set; }

    public DateTimeOffset? PagadaEn { get; set; }

    public DateTimeOffset? ProvisionadaEn { get; set; }

    /// <summary>When the provider was last asked about this purchase (a portal poll asks at most every few seconds).</summary>
    public DateTimeOffset? ConsultadaEn { get; set; }

    // Engine work.
    /// <summary>Provisioning or revocation attempts that found the router unavailable.</summary>
    public int Intentos { get; set; }

    /// <summary>When the reconciler should next work on this purchase.</summary>
    public DateTimeOffset? ProximoIntento { get; set; }

    /// <summary>A worker holds the purchase until then (router work); others leave it alone meanwhile.</summary>
    public DateTimeOffset? ArrendadaHasta { get; set; }

    /// <summary>The access must be removed (refund or chargeback) and the removal is not confirmed yet.</summary>
    public bool RevocacionPendiente { get; set; }

    /// <summary>The last router or provider failure, for operators (never a secret).</summary>
    public string? UltimoError { get; set; }

    public decimal Monto => Money.FromCents(MontoCentavos);

    public decimal MontoReembolsado => Money.FromCents(MontoReembolsadoCentavos);
}
