using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class LoteFichasFunctions
{
    [Function("CreateLoteFichas")]
    public static Task<IResult> CreateLoteFichas(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/routers/{routerId}/lotes-fichas")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.CreateLoteFichas.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("ListLotesFichas")]
    public static Task<IResult> ListLotesFichas(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/routers/{routerId}/lotes-fichas")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.ListLotesFichas.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("GetLoteFichas")]
    public static Task<IResult> GetLoteFichas(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.GetLoteFichas.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("ListFichasLote")]
    public static Task<IResult> ListFichasLote(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}/fichas")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.ListFichasLote.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("MarcarLoteImpreso")]
    public static Task<IResult> MarcarLoteImpreso(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}/impreso")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.MarcarLoteImpreso.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("VenderFicha")]
    public static Task<IResult> VenderFicha(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}/fichas/{codigo}/vender")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.VenderFicha.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("CorteCaja")]
    public static Task<IResult> CorteCaja(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/ventas-mostrador/corte")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.CorteCaja.ExecuteAsync(request.HttpContext, cancellationToken);
}
