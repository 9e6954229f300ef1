using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Storage;

namespace Hotspot.Vouchers.Batches;

/// <summary>The voucher batches' and counter sales' HTTP handlers over <see cref="VoucherBatches"/> and <see cref="CashierShift"/>.</summary>
public static class LoteEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static async Task<IResult> CreateAsync(VoucherBatches batches, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await JsonBody.RequireAsync<LoteRequest>(context.Request, cancellationToken);
        var (lote, replayed) = await batches.CreateAsync(
            AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), context.Request.Headers[IdempotencyKeyHeader], request, cancellationToken);
        if (replayed)
        {
            context.Response.Headers[Sales.Purchases.CompraEndpoints.ReplayedHeader] = "true";
        }

        return ApiJson.Ok(lote, replayed ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }

    public static Task<IResult> ListAsync(VoucherBatches batches, HttpContext context, CancellationToken cancellationToken) =>
        Paging.AnswerAsync(
            context.Request,
            (limit, token) => batches.PageAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), limit, token, cancellationToken),
            (LoteResponse lote) => lote);

    public static async Task<IResult> GetAsync(VoucherBatches batches, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await batches.GetAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), RouteValueReader.Id(context, "loteId"), cancellationToken));

    public static Task<IResult> FichasAsync(VoucherBatches batches, HttpContext context, CancellationToken cancellationToken) =>
        Paging.AnswerAsync(
            context.Request,
            (limit, token) => batches.FichasAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), RouteValueReader.Id(context, "loteId"), limit, token, cancellationToken),
            (FichaLote ficha) => ficha);

    public static async Task<IResult> PrintedAsync(VoucherBatches batches, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await batches.MarkPrintedAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), RouteValueReader.Id(context, "loteId"), cancellationToken));

    public static async Task<IResult> SellAsync(VoucherBatches batches, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await JsonBody.RequireAsync<VentaRequest>(context.Request, cancellationToken);
        var codigo = context.Request.RouteValues.TryGetValue("codigo", out var raw) ? raw?.ToString() : null;
        var sale = await batches.SellAsync(
            AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), RouteValueReader.Id(context, "loteId"), codigo, request, cancellationToken);
        return ApiJson.Ok(sale, StatusCodes.Status201Created);
    }

    public static async Task<IResult> ShiftAsync(CashierShift shift, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await shift.ReportAsync(AdminCaller.Of(context), context.Request.Query, cancellationToken));
}
