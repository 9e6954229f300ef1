using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class PortalSetupFunctions
{
    [Function("PortalConfigJs")]
    public static Task<IResult> PortalConfigJs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/routers/{routerId}/portal/config.js")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.PortalConfigJs.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("PortalWalledGarden")]
    public static Task<IResult> PortalWalledGarden(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/routers/{routerId}/portal/walled-garden")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.PortalWalledGarden.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("PortalRadiusSetup")]
    public static Task<IResult> PortalRadiusSetup(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/routers/{routerId}/portal/radius-setup")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.PortalRadiusSetup.ExecuteAsync(request.HttpContext, cancellationToken);
}
