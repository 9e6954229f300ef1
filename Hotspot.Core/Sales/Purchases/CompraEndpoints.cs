using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Sales.Payments.Webhooks;

namespace Hotspot.Sales.Purchases;

/// <summary>The purchase routes' handlers: read the request, call one service method, answer its result.</summary>
public static class CompraEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ConsultTokenHeader = "X-Compra-Token";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static async Task<IResult> CreateAsync(PurchaseCheckout checkout, HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.RequireAsync<CompraRequest>(context.Request, cancellationToken);
        var outcome = await checkout.StartAsync(context.RouterKey(), context.Request.Headers[IdempotencyKeyHeader], body, ClientAddress.Of(context), cancellationToken);
        if (outcome.Replayed)
        {
            context.Response.Headers[ReplayedHeader] = "true";
        }

        return ApiJson.Ok(outcome.Compra, StatusCodes.Status201Created);
    }

    public static async Task<IResult> GetAsync(PurchaseStatus status, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await status.PollAsync(context.RouterKey(), CompraId(context), context.Request.Headers[ConsultTokenHeader], cancellationToken));

    public static async Task<IResult> AbandonAsync(PurchaseStatus status, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await status.AbandonAsync(context.RouterKey(), CompraId(context), context.Request.Headers[ConsultTokenHeader], cancellationToken));

    public static async Task<IResult> ReturnAsync(PurchaseStatus status, HttpContext context, CancellationToken cancellationToken) =>
        Results.Redirect((await status.ReturnAsync(CompraId(context), context.Request.Query["t"], context.Request.Query["resultado"], cancellationToken)).AbsoluteUri);

    public static async Task<IResult> WebhookAsync(PurchaseWebhooks webhooks, HttpContext context, CancellationToken cancellationToken)
    {
        var request = new WebhookRequest(RequestBody.Of(context).Bytes, context.Request.Headers, context.Request.Query);
        return ApiJson.Ok(await webhooks.HandleAsync(
            context.Request.RouteValues["proveedor"] as string, context.Request.RouteValues["empresaId"] as string, request, cancellationToken));
    }

    public static async Task<IResult> RefundAsync(PurchaseRefunds refunds, HttpContext context, CancellationToken cancellationToken)
    {
        var body = RequestBody.Of(context).IsEmpty ? new ReembolsoRequest(null, null) : await JsonBody.RequireAsync<ReembolsoRequest>(context.Request, cancellationToken);
        return ApiJson.Ok(await refunds.RefundAsync(AdminCaller.Of(context), CompraId(context), context.Request.Headers[IdempotencyKeyHeader], body, cancellationToken));
    }

    public static async Task<IResult> ConfigurePaymentsAsync(PaymentSettings settings, HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.RequireAsync<PagoConfigRequest>(context.Request, cancellationToken);
        var empresaId = RouteValueReader.Id(context, "empresaId") ?? throw new NotFoundException("Empresa no encontrada.");
        return ApiJson.Ok(await settings.ConfigureAsync(AdminCaller.Of(context), empresaId, context.Request.RouteValues["proveedor"] as string, body, cancellationToken));
    }

    private static string CompraId(HttpContext context) => context.Request.RouteValues["idCompra"] as string ?? "";
}
