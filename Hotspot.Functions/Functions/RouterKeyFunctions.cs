using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class RouterKeyFunctions
{
    [Function("RouterKeyInfo")]
    public static Task<IResult> RouterKeyInfo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "api/v1/hotspot/router")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.RouterKeyInfo.ExecuteAsync(request.HttpContext, cancellationToken);
}
