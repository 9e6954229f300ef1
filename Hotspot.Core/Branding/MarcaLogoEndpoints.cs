using Hotspot.Auth;
using Hotspot.Http;
using Microsoft.Net.Http.Headers;

namespace Hotspot.Branding;

/// <summary>The logo's HTTP handlers over <see cref="MarcaLogos"/>: the raw image in, the image out with cache and safety headers.</summary>
public static class MarcaLogoEndpoints
{
    /// <summary>A URL names one picture for ever (its hash), so it may be kept a year.</summary>
    public const string CacheControl = "public, max-age=31536000, immutable";

    /// <summary>Even opened on its own, the image can run nothing and load nothing.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; sandbox";

    public static async Task<IResult> PutCompanyAsync(MarcaLogos logos, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await logos.PutCompanyAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "empresaId"), context.Request.ContentType, RequestBody.Of(context).Bytes, cancellationToken));

    public static async Task<IResult> DeleteCompanyAsync(MarcaLogos logos, HttpContext context, CancellationToken cancellationToken)
    {
        await logos.DeleteCompanyAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "empresaId"), cancellationToken);
        return Results.NoContent();
    }

    public static async Task<IResult> PutRouterAsync(MarcaLogos logos, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await logos.PutRouterAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), context.Request.ContentType, RequestBody.Of(context).Bytes, cancellationToken));

    public static async Task<IResult> DeleteRouterAsync(MarcaLogos logos, HttpContext context, CancellationToken cancellationToken)
    {
        await logos.DeleteRouterAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), cancellationToken);
        return Results.NoContent();
    }

    public static async Task<IResult> GetPublicAsync(MarcaLogos logos, HttpContext context, CancellationToken cancellationToken)
    {
        var logo = await logos.PublicAsync(RouteValueReader.Id(context, "empresaId"), context.Request.RouteValues["logoHash"]?.ToString(), cancellationToken);
        var etag = new EntityTagHeaderValue($"\"{logo.RowKey}\"");
        var headers = context.Response.Headers;
        headers.ETag = etag.ToString();
        headers.CacheControl = CacheControl;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        var asked = context.Request.GetTypedHeaders().IfNoneMatch;
        return asked.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false))
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(logo.Datos, logo.Tipo);
    }
}
