using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class ActionApiFunctions
{
    [Function("ActionApi")]
    public static Task<IResult> ActionApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = "api")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.ActionApi.ExecuteAsync(request.HttpContext, cancellationToken);
}
