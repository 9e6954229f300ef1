using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.ExternalPortal;

/// <summary>The UniFi external-portal API for custom portals (API key): authorize, read, revoke a guest.</summary>
public static class UnifiPortalEndpoints
{
    public static Task<IResult> AuthorizeAsync(UnifiGuestAccess access, HttpContext context, CancellationToken cancellationToken) =>
        ControllerProblems.AnswerAsync(context, async () =>
        {
            var request = await JsonBody.RequireAsync<UnifiAuthorizeRequest>(context.Request, cancellationToken);
            return ApiJson.Ok(await access.AuthorizeAsync(context.RouterKey(), request, cancellationToken));
        });

    public static Task<IResult> GetClientAsync(UnifiGuestAccess access, HttpContext context, CancellationToken cancellationToken) =>
        ControllerProblems.AnswerAsync(context, async () => ApiJson.Ok(await access.GetClientAsync(
            context.RouterKey(), context.Request.Query["site"].FirstOrDefault(), context.Request.RouteValues["mac"] as string, cancellationToken)));

    public static Task<IResult> UnauthorizeAsync(UnifiGuestAccess access, HttpContext context, CancellationToken cancellationToken) =>
        ControllerProblems.AnswerAsync(context, async () =>
        {
            var request = await JsonBody.RequireAsync<UnifiUnauthorizeRequest>(context.Request, cancellationToken);
            return ApiJson.Ok(await access.UnauthorizeAsync(context.RouterKey(), request, cancellationToken));
        });
}
