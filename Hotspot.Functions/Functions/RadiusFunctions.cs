using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class RadiusFunctions
{
    [Function("RadiusAuthorize")]
    public static Task<IResult> RadiusAuthorize(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/radius/authorize")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.RadiusAuthorize.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("RadiusAccounting")]
    public static Task<IResult> RadiusAccounting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/radius/accounting")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.RadiusAccounting.ExecuteAsync(request.HttpContext, cancellationToken);
}
