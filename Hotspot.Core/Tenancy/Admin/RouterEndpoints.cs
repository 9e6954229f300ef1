using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.Tenancy.Admin;

/// <summary>The routers' HTTP handlers over <see cref="RouterAdmin"/>.</summary>
public static class RouterEndpoints
{
    public static async Task<IResult> CreateAsync(RouterAdmin admin, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await JsonBody.RequireAsync<RouterRequest>(context.Request, cancellationToken);
        var (router, radiusToken) = await admin.CreateAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "empresaId"), request, cancellationToken);
        return ApiJson.Ok(RouterResponse.From(router, radiusToken), StatusCodes.Status201Created);
    }

    public static async Task<IResult> RegenerateRadiusAsync(RouterAdmin admin, HttpContext context, CancellationToken cancellationToken)
    {
        var (router, radiusToken) = await admin.RegenerateRadiusTokenAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), cancellationToken);
        return ApiJson.Ok(RouterResponse.From(router, radiusToken));
    }

    public static Task<IResult> ListAsync(RouterAdmin admin, HttpContext context, CancellationToken cancellationToken) =>
        Paging.AnswerAsync(
            context.Request,
            (limit, token) => admin.PageAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "empresaId"), limit, token, cancellationToken),
            r => RouterResponse.From(r));

    public static async Task<IResult> GetAsync(RouterAdmin admin, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(RouterResponse.From(await admin.GetAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), cancellationToken)));

    public static async Task<IResult> UpdateAsync(RouterAdmin admin, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await JsonBody.RequireAsync<RouterRequest>(context.Request, cancellationToken);
        var router = await admin.UpdateAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), request, cancellationToken);
        return ApiJson.Ok(RouterResponse.From(router));
    }

    public static async Task<IResult> DeleteAsync(RouterAdmin admin, HttpContext context, CancellationToken cancellationToken)
    {
        await admin.DeleteAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), cancellationToken);
        return Results.NoContent();
    }
}
