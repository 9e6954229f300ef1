using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Hotspot.Http.Cors;

/// <summary>
/// CORS for the routes a router-hosted portal page calls (every route authenticated by the router key): the page is
/// served by the router (<c>http://10.5.50.1</c>) and calls this API from that origin. Answered in the pipeline, so both
/// hosts behave alike and the platform's own CORS stays off. Never with credentials.
/// </summary>
public static class PortalCors
{
    public const string AllowedMethods = "GET, POST, DELETE, OPTIONS";
    public const string AllowedHeaders = "Content-Type, X-API-Key, Authorization, Idempotency-Key, X-Compra-Token";
    public const string MaxAgeSeconds = "600";
    public const string ExposedHeaders = "Retry-After, Idempotent-Replayed";

    /// <summary>Whether browsers may call the route from a portal page.</summary>
    public static bool Applies(HotspotRoute route) => route.Auth.IsRouterKey();

    /// <summary>
    /// Whether the route binds OPTIONS: a path answers one preflight, so where two routes share a path (GET and DELETE
    /// of one resource) the first in the table binds it for both.
    /// </summary>
    public static bool AnswersPreflight(HotspotRoute route) =>
        Applies(route) && ReferenceEquals(RouteTable.All.First(other => other.Path == route.Path && Applies(other)), route);

    /// <summary>A preflight's answer: 204, with the allow headers only when the origin is allowed.</summary>
    public static IResult Preflight(HttpContext context)
    {
        if (AllowOrigin(context) is not null)
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.AccessControlAllowMethods] = AllowedMethods;
            headers[HeaderNames.AccessControlAllowHeaders] = AllowedHeaders;
            headers[HeaderNames.AccessControlMaxAge] = MaxAgeSeconds;
        }

        return Results.NoContent();
    }

    /// <summary>
    /// Sets <c>Access-Control-Allow-Origin</c> when the request's origin is allowed; returns it (null when not allowed
    /// or no origin was sent). Every answer varies by origin.
    /// </summary>
    public static string? AllowOrigin(HttpContext context)
    {
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }

        var allowed = context.RequestServices.GetRequiredService<IOptions<PortalCorsOptions>>().Value.AllowOriginFor(origin);
        if (allowed is not null)
        {
            context.Response.Headers[HeaderNames.AccessControlAllowOrigin] = allowed;
            context.Response.Headers[HeaderNames.AccessControlExposeHeaders] = ExposedHeaders;
        }

        return allowed;
    }
}
