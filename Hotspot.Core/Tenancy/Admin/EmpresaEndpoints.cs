using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.Tenancy.Admin;

/// <summary>The companies' HTTP handlers over <see cref="EmpresaAdmin"/>.</summary>
public static class EmpresaEndpoints
{
    public static async Task<IResult> CreateAsync(EmpresaAdmin admin, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await JsonBody.RequireAsync<EmpresaRequest>(context.Request, cancellationToken);
        var empresa = await admin.CreateAsync(AdminCaller.Of(context), request, cancellationToken);
        return ApiJson.Ok(EmpresaResponse.From(empresa), StatusCodes.Status201Created);
    }

    public static Task<IResult> ListAsync(EmpresaAdmin admin, HttpContext context, CancellationToken cancellationToken) =>
        Paging.AnswerAsync(context.Request, (limit, token) => admin.PageAsync(limit, token, cancellationToken), EmpresaResponse.From);

    public static async Task<IResult> GetAsync(EmpresaAdmin admin, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(EmpresaResponse.From(await admin.GetAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "empresaId"), cancellationToken)));

    public static async Task<IResult> UpdateAsync(EmpresaAdmin admin, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await JsonBody.RequireAsync<EmpresaRequest>(context.Request, cancellationToken);
        var empresa = await admin.UpdateAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "empresaId"), request, contactOnly: false, cancellationToken);
        return ApiJson.Ok(EmpresaResponse.From(empresa));
    }

    public static async Task<IResult> GetOwnAsync(EmpresaAdmin admin, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(EmpresaResponse.From(await admin.GetAsync(AdminCaller.Of(context), context.Admin().EmpresaId, cancellationToken)));

    public static async Task<IResult> UpdateOwnAsync(EmpresaAdmin admin, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await JsonBody.RequireAsync<EmpresaRequest>(context.Request, cancellationToken);
        var empresa = await admin.UpdateAsync(AdminCaller.Of(context), context.Admin().EmpresaId, request, contactOnly: true, cancellationToken);
        return ApiJson.Ok(EmpresaResponse.From(empresa));
    }
}
