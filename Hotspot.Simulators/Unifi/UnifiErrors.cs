using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Hotspot.Simulators.Unifi;

/// <summary>Writes the Integration API's error body: <c>{statusCode, statusName, code, message, timestamp, requestPath, requestId}</c>.</summary>
internal static class UnifiErrors
{
    public static IResult Result(HttpContext context, TimeProvider clock, HttpStatusCode status, string code, string message) =>
        Results.Json(
            new ErrorView((int)status, StatusName(status), code, message, clock.GetUtcNow(), context.Request.Path, Guid.NewGuid().ToString()),
            statusCode: (int)status);

    public static string CodeFor(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => "api.request.argument-validation-error",
        HttpStatusCode.Unauthorized => "api.authentication.missing-credentials",
        HttpStatusCode.NotFound => "api.resource.not-found",
        HttpStatusCode.TooManyRequests => "api.request.rate-limit-exceeded",
        _ => "api.internal-server-error",
    };

    // "TooManyRequests" -> "TOO_MANY_REQUESTS", as Spring-style APIs name statuses.
    private static string StatusName(HttpStatusCode status)
    {
        var name = Enum.IsDefined(status) ? status.ToString() : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(c));
        }

        return text.ToString();
    }
}
