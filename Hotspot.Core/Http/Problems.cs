using Microsoft.AspNetCore.WebUtilities;

namespace Hotspot.Http;

/// <summary>RFC 9457 problem details with a message a person can act on.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static IResult Unauthorized(string detail = "Credenciales de acceso inválidas o ausentes.") =>
        Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static IResult Forbidden(string detail = "Su rol no permite esta operación.") =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict", detail);

    public static IResult PayloadTooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"El cuerpo de la petición supera {limit / 1024} KiB.");

    public static IResult Unavailable(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail);

    /// <summary>503 with <c>Retry-After</c>: the store is busy, the same request may succeed in a moment.</summary>
    public static IResult Unavailable(string detail, TimeSpan retryAfter) => new RetryAfterResult(retryAfter, Unavailable(detail));

    public static IResult RequestTimeout(string detail) => Problem(StatusCodes.Status408RequestTimeout, "Request timeout", detail);

    /// <summary>A problem for a status the server's request parser chose (400, 408, 413, 431...).</summary>
    public static IResult Status(int status, string detail) =>
        Problem(status, ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } reason ? reason : "Bad request", detail);

    /// <summary>422 naming each invalid field.</summary>
    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(
            errors,
            detail: "Campos inválidos: " + string.Join(", ", errors.Keys),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Unprocessable entity");

    public static IResult TooManyRequests(TimeSpan retryAfter) => new RetryAfterResult(
        retryAfter,
        Problem(StatusCodes.Status429TooManyRequests, "Too many requests", $"Demasiados intentos fallidos. Vuelva a intentarlo en {Seconds(retryAfter)} segundos."));

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title);

    private static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    private sealed class RetryAfterResult(TimeSpan retryAfter, IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Seconds(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }
}
