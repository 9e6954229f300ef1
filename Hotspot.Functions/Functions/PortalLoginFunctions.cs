using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class PortalLoginFunctions
{
    [Function("PortalLogin")]
    public static Task<IResult> PortalLogin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = "api/v1/portal_login")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.PortalLogin.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("GetPortalLogin")]
    public static Task<IResult> GetPortalLogin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "api/v1/portal_login/{pageId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.GetPortalLogin.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("EndPortalLogin")]
    public static Task<IResult> EndPortalLogin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/portal_login/{pageId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.EndPortalLogin.ExecuteAsync(request.HttpContext, cancellationToken);
}
