using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.Sales.Reports;

/// <summary>The sales routes' handlers: read the query, call one <see cref="SalesReports"/> method, answer its result.</summary>
public static class SalesEndpoints
{
    public static async Task<IResult> ListAsync(SalesReports reports, HttpContext context, CancellationToken cancellationToken)
    {
        var (limit, token, error) = Paging.Read(context.Request);
        if (error is not null)
        {
            return error;
        }

        var page = await reports.PageAsync(AdminCaller.Of(context), SalesQuery.Read(context.Request.Query), limit, token, cancellationToken);
        return ApiJson.Ok(new PageResponse<CompraVenta>([.. page.Items.Select(CompraVenta.From)], page.ContinuationToken));
    }

    public static async Task<IResult> GetAsync(SalesReports reports, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(CompraVenta.From(await reports.GetAsync(AdminCaller.Of(context), context.Request.RouteValues["idCompra"] as string ?? "", cancellationToken)));

    public static async Task<IResult> CsvAsync(SalesReports reports, HttpContext context, CancellationToken cancellationToken)
    {
        var scope = await reports.ScopeAsync(AdminCaller.Of(context), SalesQuery.Read(context.Request.Query), cancellationToken);
        return SalesCsv.Stream(reports.StreamAsync(scope, context.RequestAborted));
    }

    public static async Task<IResult> SummaryAsync(SalesReports reports, HttpContext context, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var agrupacion = SalesQuery.ReadAgrupacion(query);
        return ApiJson.Ok(await reports.SummaryAsync(AdminCaller.Of(context), SalesQuery.Read(query), agrupacion, cancellationToken));
    }
}
