using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class HealthFunctions
{
    [Function("Health")]
    public static Task<IResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/health")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.Health.ExecuteAsync(request.HttpContext, cancellationToken);
}
