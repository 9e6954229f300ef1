using Hotspot.Http;

namespace Hotspot.Radius;

/// <summary>The routes FreeRADIUS's rlm_rest calls (authenticated by <see cref="RadiusRestSecret"/> in the pipeline).</summary>
public static class RadiusEndpoints
{
    public static async Task<IResult> AuthorizeAsync(RadiusAuthorization authorization, HttpContext context, CancellationToken cancellationToken)
    {
        if (RadiusAttributes.Parse(RequestBody.Of(context).Bytes) is not { } request)
        {
            return Problems.BadRequest("Se esperaba el cuerpo JSON de rlm_rest.");
        }

        var decision = await authorization.AuthorizeAsync(request, cancellationToken);
        return Results.Text(decision.Reply.ToJsonString(), "application/json", statusCode: StatusCodes.Status200OK);
    }

    public static async Task<IResult> AccountingAsync(RadiusAccounting accounting, HttpContext context, CancellationToken cancellationToken)
    {
        if (RadiusAttributes.Parse(RequestBody.Of(context).Bytes) is not { } request)
        {
            return Problems.BadRequest("Se esperaba el cuerpo JSON de rlm_rest.");
        }

        await accounting.RecordAsync(request, cancellationToken);
        return Results.NoContent();
    }
}
