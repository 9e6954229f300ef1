using Hotspot.Sales.Catalog;
using Hotspot.Sales.Purchases;

namespace Hotspot.Sales.Reports;

/// <summary>
/// A purchase as operators see it: what was sold, to whom, for how much, where it stands and how it got there. Never
/// the hotspot password, the consult token or a provider secret (the row holds none of them; this type names none).
/// </summary>
public sealed record CompraVenta(
    string IdCompra,
    long EmpresaId,
    long RouterId,
    ProductoVendido Producto,
    decimal Monto,
    string Moneda,
    decimal MontoReembolsado,
    string Estado,
    string? EstadoPago,
    string Proveedor,
    string? ReferenciaProveedor,
    string? PagoProveedorId,
    bool PagoDuplicado,
    decimal PagosExtra,
    decimal PagosExtraReembolsados,
    string? Disputa,
    decimal MontoEnDisputa,
    string? UsuarioHotspot,
    string TipoUsuario,
    string? MacCliente,
    string? IpCliente,
    string? EmailCliente,
    string? NombreCliente,
    string? UltimoError,
    DateTimeOffset CreadaEn,
    DateTimeOffset? PagadaEn,
    DateTimeOffset? ProvisionadaEn,
    DateTimeOffset ActualizadaEn,
    IReadOnlyList<CompraTransicion> Historial,
    IReadOnlyList<ReembolsoVenta> Reembolsos)
{
    public static CompraVenta From(CompraEntity c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(
            c.Id, c.EmpresaId, c.RouterId,
            new ProductoVendido(c.ProductoId, c.ProductoNombre, c.TiempoSegundos, c.LimiteMb, c.PerfilMikrotikNombre),
            c.Monto, c.Moneda, c.MontoReembolsado, c.Estado, c.EstadoPago, c.Proveedor, c.ReferenciaProveedor, c.PagoProveedorId, c.PagoDuplicado,
            Money.FromCents(c.PagosExtraCentavos), Money.FromCents(c.PagosExtraReembolsadoCentavos), c.Disputa, Money.FromCents(c.MontoEnDisputaCentavos),
            c.Usuario.Length == 0 ? null : c.Usuario, c.TipoUsuario, c.MacCliente, c.IpCliente, c.EmailCliente, c.NombreCliente, c.UltimoError,
            c.CreadaEn, c.PagadaEn, c.ProvisionadaEn, c.ActualizadaEn,
            CompraHistorial.Read(c.HistorialJson),
            [.. CompraReembolsos.Read(c.ReembolsosJson).Select(ReembolsoVenta.From)]);
    }
}

/// <summary>The product as it was sold (the snapshot taken when the purchase was created).</summary>
public sealed record ProductoVendido(string Id, string NombreVenta, long TiempoSegundos, long? LimiteMb, string? PerfilMikrotikNombre);

/// <summary>One refund of a purchase; <c>monto</c> null = everything left; <c>referencia</c> null until the provider confirmed it.</summary>
public sealed record ReembolsoVenta(int Numero, decimal? Monto, decimal? MontoReembolsado, string? Motivo, DateTimeOffset Fecha, string? Referencia)
{
    public static ReembolsoVenta From(CompraReembolso r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Numero, r.MontoCentavos is { } asked ? Money.FromCents(asked) : null,
            r.ReembolsadoCentavos is { } done ? Money.FromCents(done) : null, r.Motivo, r.Fecha, r.Referencia);
    }
}

/// <summary>
/// <c>GET /api/v1/admin/ventas/resumen</c>: money per currency (never added across currencies), how many purchases are
/// in each state, and the same money split by day (the days of <c>zona_horaria</c>: the company's zone, or UTC across companies), product or router.
/// </summary>
public sealed record ResumenVentas(
    DateTimeOffset? Desde,
    DateTimeOffset? Hasta,
    string ZonaHoraria,
    string Agrupar,
    IReadOnlyList<TotalMoneda> Monedas,
    IReadOnlyDictionary<string, int> Compras,
    IReadOnlyList<GrupoVentas> Grupos);

/// <summary>
/// Money of one currency. <c>ventas_brutas</c>: every payment that took money (approved, including those later refunded,
/// charged back or disputed, and a buyer's second payment for one purchase); <c>reembolsos</c>: what was given back by
/// refunds (the second payment's automatic refund included); <c>contracargos</c>: what banks took back;
/// <c>en_disputa</c>: what open disputes hold (withdrawn by the provider when they opened); <c>netas</c> = brutas −
/// reembolsos − contracargos − en_disputa. <c>pagadas</c> counts the purchases in <c>ventas_brutas</c>.
/// </summary>
public sealed record TotalMoneda(string Moneda, decimal VentasBrutas, decimal Reembolsos, decimal Contracargos, decimal EnDisputa, decimal Netas, int Pagadas);

/// <summary>One group of the summary in one currency: <c>clave</c> is the day (yyyy-MM-dd, UTC, of creation), the product id or the router id.</summary>
public sealed record GrupoVentas(string Clave, string? Nombre, string Moneda, decimal VentasBrutas, decimal Reembolsos, decimal Contracargos, decimal EnDisputa, decimal Netas, int Pagadas, int Compras);
