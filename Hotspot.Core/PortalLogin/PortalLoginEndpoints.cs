using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.PortalLogin;

/// <summary>
/// Seed 001's <c>portal_login</c>: 201 with the session, 400 bad <c>data</c>, 401 (by the pipeline) bad key, 403 router
/// or company off, 404 unknown <c>page_id</c>, 422 the router will not let the device on, 500 the router or storage failed.
/// </summary>
public static class PortalLoginEndpoints
{
    public static async Task<IResult> PostAsync(PortalLogins logins, HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.RequireAsync<PortalLoginBody>(context.Request, cancellationToken);
        return ApiJson.Ok(await logins.LoginAsync(context.RouterKey(), body, cancellationToken), StatusCodes.Status201Created);
    }

    public static async Task<IResult> GetAsync(PortalLogins logins, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await logins.GetAsync(context.RouterKey(), RouteValueReader.Id(context, "pageId"), cancellationToken));

    public static async Task<IResult> DeleteAsync(PortalLogins logins, HttpContext context, CancellationToken cancellationToken)
    {
        await logins.EndAsync(context.RouterKey(), RouteValueReader.Id(context, "pageId"), cancellationToken);
        return Results.NoContent();
    }
}
