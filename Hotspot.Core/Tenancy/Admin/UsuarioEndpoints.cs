using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.Tenancy.Admin;

/// <summary>The admin users' HTTP handlers over <see cref="UsuarioAdmin"/>.</summary>
public static class UsuarioEndpoints
{
    public static async Task<IResult> CreateAsync(UsuarioAdmin admin, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await JsonBody.RequireAsync<UsuarioRequest>(context.Request, cancellationToken);
        var usuario = await admin.CreateAsync(AdminCaller.Of(context), request, cancellationToken);
        return ApiJson.Ok(UsuarioResponse.From(usuario), StatusCodes.Status201Created);
    }

    public static Task<IResult> ListAsync(UsuarioAdmin admin, HttpContext context, CancellationToken cancellationToken) =>
        Paging.AnswerAsync(context.Request, (limit, token) => admin.PageAsync(context.Admin(), limit, token, cancellationToken), UsuarioResponse.From);

    public static async Task<IResult> GetAsync(UsuarioAdmin admin, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(UsuarioResponse.From(await admin.GetAsync(context.Admin(), RouteValueReader.Id(context, "usuarioId"), cancellationToken)));

    public static async Task<IResult> UpdateAsync(UsuarioAdmin admin, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await JsonBody.RequireAsync<UsuarioRequest>(context.Request, cancellationToken);
        var usuario = await admin.UpdateAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "usuarioId"), request, cancellationToken);
        return ApiJson.Ok(UsuarioResponse.From(usuario));
    }
}
