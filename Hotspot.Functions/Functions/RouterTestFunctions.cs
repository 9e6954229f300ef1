using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class RouterTestFunctions
{
    [Function("TestRouterConnection")]
    public static Task<IResult> TestRouterConnection(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/routers/{routerId}/test-connection")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.TestRouterConnection.ExecuteAsync(request.HttpContext, cancellationToken);
}
