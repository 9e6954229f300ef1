using Hotspot.Http;
using Hotspot.Sales.Purchases;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public sealed class PurchaseFunctions(PurchaseReconciler reconciler)
{
    /// <summary>Every minute, as on the DevHost: pending purchases pulled, owed router work retried, old checkouts expired.</summary>
    [Function(PurchaseReconciler.JobName)]
    public Task ReconcilePurchases([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        reconciler.RunAsync(cancellationToken);

    [Function("CreateCompra")]
    public static Task<IResult> CreateCompra(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = "api/v1/compras")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.CreateCompra.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("GetCompra")]
    public static Task<IResult> GetCompra(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "api/v1/compras/{idCompra}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.GetCompra.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("AbandonarCompra")]
    public static Task<IResult> AbandonarCompra(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = "api/v1/compras/{idCompra}/abandonar")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.AbandonarCompra.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("CompraRetorno")]
    public static Task<IResult> CompraRetorno(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/compras/{idCompra}/retorno")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.CompraRetorno.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("PaymentWebhook")]
    public static Task<IResult> PaymentWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/webhooks/{proveedor}/{empresaId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.PaymentWebhook.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("ConfigurePagos")]
    public static Task<IResult> ConfigurePagos(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/empresas/{empresaId}/pagos/{proveedor}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.ConfigurePagos.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("RefundCompra")]
    public static Task<IResult> RefundCompra(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/compras/{idCompra}/reembolso")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.RefundCompra.ExecuteAsync(request.HttpContext, cancellationToken);
}
