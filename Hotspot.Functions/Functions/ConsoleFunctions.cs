using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class ConsoleFunctions
{
    [Function("ConsoleFiles")]
    public static Task<IResult> ConsoleFiles(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "console/{*path}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.ConsoleFiles.ExecuteAsync(request.HttpContext, cancellationToken);
}
