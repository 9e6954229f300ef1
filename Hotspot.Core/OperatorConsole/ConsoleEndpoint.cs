using Hotspot.Http;
using Microsoft.Net.Http.Headers;

namespace Hotspot.OperatorConsole;

/// <summary>
/// <c>GET /console/{*path}</c>: the operator console's files. The console is a client of the public REST like any
/// other: it holds its session token in sessionStorage and sends it as a bearer header; no cookie is set or read here.
/// </summary>
public static class ConsoleEndpoint
{
    /// <summary>Scripts and styles from this origin only, no inline code, no frames, requests only to this API.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static Task<IResult> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = ConsoleFiles.Find(context.Request.RouteValues["path"] as string);
        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (file is null)
        {
            return Task.FromResult(Problems.NotFound("La consola no tiene ese archivo."));
        }

        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XFrameOptions] = "DENY";
        // File names carry no version, so every use revalidates: a 304 by the entity tag costs a round trip, never a stale script after a deploy.
        headers[HeaderNames.CacheControl] = "no-cache";
        return Task.FromResult(Results.Bytes(file.Content, file.ContentType, entityTag: file.ETag));
    }
}
