using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class ReconnectFunctions
{
    [Function("AutoReconnect")]
    public static Task<IResult> AutoReconnect(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = "api/v1/hotspot/auto-reconnect")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.AutoReconnect.ExecuteAsync(request.HttpContext, cancellationToken);
}
