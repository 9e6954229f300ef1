using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class SalesReportFunctions
{
    [Function("ListCompras")]
    public static Task<IResult> ListCompras(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/compras")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.ListCompras.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("GetCompraAdmin")]
    public static Task<IResult> GetCompraAdmin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/compras/{idCompra}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.GetCompraAdmin.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("VentasCsv")]
    public static Task<IResult> VentasCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/ventas.csv")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.VentasCsv.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("VentasResumen")]
    public static Task<IResult> VentasResumen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/ventas/resumen")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.VentasResumen.ExecuteAsync(request.HttpContext, cancellationToken);
}
