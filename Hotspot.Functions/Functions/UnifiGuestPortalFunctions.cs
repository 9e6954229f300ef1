using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class UnifiGuestPortalFunctions
{
    [Function("UnifiGuestPortal")]
    public static Task<IResult> UnifiGuestPortal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "guest/s/{site}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.UnifiGuestPortal.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("UnifiGuestPortalAccept")]
    public static Task<IResult> UnifiGuestPortalAccept(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "guest/s/{site}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.UnifiGuestPortalAccept.ExecuteAsync(request.HttpContext, cancellationToken);
}
