using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class UnifiPortalFunctions
{
    [Function("UnifiAuthorize")]
    public static Task<IResult> UnifiAuthorize(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = "api/v1/unifi/authorize")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.UnifiAuthorize.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("UnifiClient")]
    public static Task<IResult> UnifiClient(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "api/v1/unifi/clients/{mac}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.UnifiClient.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("UnifiUnauthorize")]
    public static Task<IResult> UnifiUnauthorize(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = "api/v1/unifi/unauthorize")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.UnifiUnauthorize.ExecuteAsync(request.HttpContext, cancellationToken);
}
