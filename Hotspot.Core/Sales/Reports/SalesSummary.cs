using System.Globalization;
using Hotspot.Sales.Catalog;
using Hotspot.Sales.Purchases;

namespace Hotspot.Sales.Reports;

/// <summary>
/// Adds purchases up, in cents (exact), per currency and per group. A purchase counts as sold once its payment was
/// approved, and stays sold when refunded or charged back: what went back is counted apart, so net = gross − refunds −
/// chargebacks − what open disputes hold. A purchase marked refunded whose refunds were not itemized (the provider
/// refunded it) gave back its whole amount. A buyer's other payments for the same purchase are sold money too, and
/// their automatic refunds are refunds.
/// </summary>
public sealed class SalesSummary(Agrupacion agrupacion, IReadOnlyDictionary<long, TimeZoneInfo> zonas)
{
    private readonly Dictionary<string, Totals> _monedas = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Clave, string Moneda), Totals> _grupos = [];
    private readonly Dictionary<string, int> _estados = CompraEstados.All.ToDictionary(e => e, _ => 0, StringComparer.Ordinal);

    public void Add(CompraEntity compra)
    {
        ArgumentNullException.ThrowIfNull(compra);
        _estados[compra.Estado] = _estados.GetValueOrDefault(compra.Estado) + 1;
        var (clave, nombre) = agrupacion switch
        {
            Agrupacion.Producto => (compra.ProductoId, compra.ProductoNombre),
            Agrupacion.Router => (compra.RouterId.ToString(CultureInfo.InvariantCulture), (string?)null),
            // A sale belongs to the day its company was living when it was made.
            _ => (Tenancy.CompanyTimeZone.DayOf(compra.CreadaEn, zonas.GetValueOrDefault(compra.EmpresaId, TimeZoneInfo.Utc))
                .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)null),
        };
        Totals Of<TKey>(Dictionary<TKey, Totals> totals, TKey key) where TKey : notnull =>
            totals.TryGetValue(key, out var found) ? found : totals[key] = new Totals(nombre);

        Of(_monedas, compra.Moneda).Add(compra);
        Of(_grupos, (clave, compra.Moneda)).Add(compra);
    }

    public ResumenVentas ToResumen(DateTimeOffset? desde, DateTimeOffset? hasta, TimeZoneInfo zona) => new(
        desde,
        hasta,
        zona == TimeZoneInfo.Utc ? "UTC" : zona.Id,
        agrupacion.ToString().ToLowerInvariant(),
        [.. _monedas.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Value.Total(m.Key))],
        _estados,
        [.. _grupos.OrderBy(g => g.Key.Clave, StringComparer.Ordinal).ThenBy(g => g.Key.Moneda, StringComparer.Ordinal)
            .Select(g => g.Value.Group(g.Key.Clave, g.Key.Moneda))]);

    /// <summary>Whether the buyer's money was taken at some point (approved, even if given back later).</summary>
    public static bool WasSold(CompraEntity compra) =>
        CompraEstados.IsPaid(compra.Estado) || CompraEstados.RemovesAccess(compra.Estado);

    /// <summary>What refunds gave back, in cents.</summary>
    public static long RefundedCents(CompraEntity compra) => compra.Estado == CompraEstados.Reembolsada
        ? compra.MontoCentavos
        : Math.Min(compra.MontoReembolsadoCentavos, compra.MontoCentavos);

    /// <summary>What a chargeback took back, in cents: whatever refunds had not already returned.</summary>
    public static long ChargedBackCents(CompraEntity compra) => compra.Estado == CompraEstados.Contracargo
        ? compra.MontoCentavos - Math.Min(compra.MontoReembolsadoCentavos, compra.MontoCentavos)
        : 0;

    private sealed class Totals(string? nombre)
    {
        private long _brutas;
        private long _reembolsos;
        private long _contracargos;
        private long _enDisputa;
        private int _pagadas;
        private int _compras;

        public void Add(CompraEntity compra)
        {
            _compras++;
            if (!WasSold(compra))
            {
                return;
            }

            _pagadas++;
            _brutas += compra.MontoCentavos + compra.PagosExtraCentavos;
            _reembolsos += RefundedCents(compra) + compra.PagosExtraReembolsadoCentavos;
            _contracargos += ChargedBackCents(compra);
            _enDisputa += compra.MontoEnDisputaCentavos;
        }

        private long Netas => _brutas - _reembolsos - _contracargos - _enDisputa;

        public TotalMoneda Total(string moneda) =>
            new(moneda, Money.FromCents(_brutas), Money.FromCents(_reembolsos), Money.FromCents(_contracargos), Money.FromCents(_enDisputa), Money.FromCents(Netas), _pagadas);

        public GrupoVentas Group(string clave, string moneda) =>
            new(clave, nombre, moneda, Money.FromCents(_brutas), Money.FromCents(_reembolsos), Money.FromCents(_contracargos),
                Money.FromCents(_enDisputa), Money.FromCents(Netas), _pagadas, _compras);
    }
}
