using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class OpenApiFunctions
{
    [Function("OpenApiDocument")]
    public static Task<IResult> OpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/openapi.json")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.OpenApiDocument.ExecuteAsync(request.HttpContext, cancellationToken);
}
