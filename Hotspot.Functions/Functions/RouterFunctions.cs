using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class RouterFunctions
{
    [Function("CreateRouter")]
    public static Task<IResult> CreateRouter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/empresas/{empresaId}/routers")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.CreateRouter.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("RegenerateRadiusToken")]
    public static Task<IResult> RegenerateRadiusToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/routers/{routerId}/radius/regenerate")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.RegenerateRadiusToken.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("ListRouters")]
    public static Task<IResult> ListRouters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/empresas/{empresaId}/routers")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.ListRouters.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("GetRouter")]
    public static Task<IResult> GetRouter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/routers/{routerId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.GetRouter.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("UpdateRouter")]
    public static Task<IResult> UpdateRouter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/admin/routers/{routerId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.UpdateRouter.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("DeleteRouter")]
    public static Task<IResult> DeleteRouter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/routers/{routerId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.DeleteRouter.ExecuteAsync(request.HttpContext, cancellationToken);
}
