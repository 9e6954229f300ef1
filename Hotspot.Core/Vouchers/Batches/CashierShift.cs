using Hotspot.Auth;
using Hotspot.Sales.Reports;
using Hotspot.Tenancy;

namespace Hotspot.Vouchers.Batches;

/// <summary>
/// The end-of-shift cash report: the caller's own counter sales between <c>desde</c> and <c>hasta</c> (bare dates are whole
/// days in the company's time zone, as in the sales reports; without them, today so far).
/// </summary>
public sealed class CashierShift(LoteStore lotes, TenancyCache tenancy, TimeProvider clock)
{
    public async Task<CorteCaja> ReportAsync(AdminCaller caller, IQueryCollection query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var zone = caller.Principal.EmpresaId is { } empresaId && await tenancy.EmpresaAsync(empresaId, cancellationToken) is { } empresa
            ? CompanyTimeZone.Of(empresa)
            : TimeZoneInfo.Utc;
        var filters = SalesQuery.Read(query).InZone(zone);
        var now = clock.GetUtcNow();
        var desde = filters.Desde ?? CompanyTimeZone.StartOf(CompanyTimeZone.DayOf(now, zone), zone);
        var hasta = filters.Hasta ?? now;
        var sales = new List<VentaMostradorEntity>();
        await foreach (var sale in lotes.SalesOfAsync(caller.Principal.UserId, desde, hasta, cancellationToken))
        {
            sales.Add(sale);
        }

        var totals = sales.GroupBy(s => s.Moneda, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TotalMoneda(g.Key, g.Count(), Sales.Catalog.Money.FromCents(g.Sum(s => s.PrecioCentavos))))
            .ToList();
        return new CorteCaja(caller.Principal.UserId, desde, hasta, sales.Count, totals, [.. sales.Select(VoucherBatches.View)]);
    }
}
