using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class MarcaFunctions
{
    [Function("GetMarcaEmpresa")]
    public static Task<IResult> GetMarcaEmpresa(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/empresas/{empresaId}/marca")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.GetMarcaEmpresa.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("PutMarcaEmpresa")]
    public static Task<IResult> PutMarcaEmpresa(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/empresas/{empresaId}/marca")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.PutMarcaEmpresa.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("GetMarcaRouter")]
    public static Task<IResult> GetMarcaRouter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/routers/{routerId}/marca")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.GetMarcaRouter.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("PutMarcaRouter")]
    public static Task<IResult> PutMarcaRouter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/routers/{routerId}/marca")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.PutMarcaRouter.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("DeleteMarcaRouter")]
    public static Task<IResult> DeleteMarcaRouter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/routers/{routerId}/marca")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.DeleteMarcaRouter.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("PutMarcaEmpresaLogo")]
    public static Task<IResult> PutMarcaEmpresaLogo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/empresas/{empresaId}/marca/logo")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.PutMarcaEmpresaLogo.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("DeleteMarcaEmpresaLogo")]
    public static Task<IResult> DeleteMarcaEmpresaLogo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/empresas/{empresaId}/marca/logo")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.DeleteMarcaEmpresaLogo.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("PutMarcaRouterLogo")]
    public static Task<IResult> PutMarcaRouterLogo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/routers/{routerId}/marca/logo")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.PutMarcaRouterLogo.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("DeleteMarcaRouterLogo")]
    public static Task<IResult> DeleteMarcaRouterLogo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/routers/{routerId}/marca/logo")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.DeleteMarcaRouterLogo.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("MarcaLogo")]
    public static Task<IResult> MarcaLogo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/marcas/{empresaId}/logos/{logoHash}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.MarcaLogo.ExecuteAsync(request.HttpContext, cancellationToken);
}
