using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.Branding;

/// <summary>The brand's HTTP handlers over <see cref="MarcaAdmin"/>.</summary>
public static class MarcaEndpoints
{
    public static async Task<IResult> GetCompanyAsync(MarcaAdmin admin, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await admin.GetCompanyAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "empresaId"), cancellationToken));

    public static async Task<IResult> PutCompanyAsync(MarcaAdmin admin, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await JsonBody.RequireAsync<MarcaRequest>(context.Request, cancellationToken);
        return ApiJson.Ok(await admin.PutCompanyAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "empresaId"), request, cancellationToken));
    }

    public static async Task<IResult> GetRouterAsync(MarcaAdmin admin, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await admin.GetRouterAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), cancellationToken));

    public static async Task<IResult> PutRouterAsync(MarcaAdmin admin, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await JsonBody.RequireAsync<MarcaRequest>(context.Request, cancellationToken);
        return ApiJson.Ok(await admin.PutRouterAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), request, cancellationToken));
    }

    public static async Task<IResult> DeleteRouterAsync(MarcaAdmin admin, HttpContext context, CancellationToken cancellationToken)
    {
        await admin.DeleteRouterAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), cancellationToken);
        return Results.NoContent();
    }
}
