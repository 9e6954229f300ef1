using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class ApiKeyFunctions
{
    [Function("IssueApiKey")]
    public static Task<IResult> IssueApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/routers/{routerId}/api-keys")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.IssueApiKey.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("ListApiKeys")]
    public static Task<IResult> ListApiKeys(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/routers/{routerId}/api-keys")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.ListApiKeys.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("RegenerateApiKey")]
    public static Task<IResult> RegenerateApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/routers/{routerId}/api-keys/regenerate")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.RegenerateApiKey.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("GetApiKey")]
    public static Task<IResult> GetApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/routers/{routerId}/api-keys/{keyId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.GetApiKey.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("RevokeApiKey")]
    public static Task<IResult> RevokeApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/routers/{routerId}/api-keys/{keyId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.RevokeApiKey.ExecuteAsync(request.HttpContext, cancellationToken);
}
