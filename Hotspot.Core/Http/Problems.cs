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

    /// <summary>503 with <c>Retry-After</c>: the same request may succeed after that many seconds.</summary>
    public static IResult Unavailable(string detail, TimeSpan retryAfter) => new RetryAfterResult(Unavailable(detail), retryAfter);

    /// <summary>422 naming each invalid field.</summary>
    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(
            errors,
            detail: "Campos inválidos: " + string.Join(", ", errors.Keys),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Unprocessable entity");

    public static IResult TooManyRequests(TimeSpan retryAfter) => new TooManyRequestsResult(retryAfter);

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title);

    private sealed class RetryAfterResult(IResult inner, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }

    private sealed class TooManyRequestsResult(TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"Demasiados intentos fallidos. Vuelva a intentarlo en {seconds} segundos.")
                .ExecuteAsync(httpContext);
        }
    }
}
