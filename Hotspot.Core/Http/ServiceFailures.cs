namespace Hotspot.Http;

/// <summary>
/// The failures an area service reports for the route pipeline to answer, in one place, as problem details: a service
/// says what went wrong in the caller's terms and never builds an HTTP answer itself.
/// </summary>
public abstract class ServiceFailureException(string message) : Exception(message);

/// <summary>Answered 404: the item does not exist, or belongs to a company the caller may not see (the two look alike).</summary>
public sealed class NotFoundException(string message) : ServiceFailureException(message);

/// <summary>Answered 422 naming each invalid field.</summary>
public sealed class InvalidFieldsException(FieldErrors errors) : ServiceFailureException("Invalid fields: " + string.Join(", ", errors.Fields))
{
    public FieldErrors Errors { get; } = errors;
}

/// <summary>Answered 409: the request conflicts with the item's current state.</summary>
public sealed class ConflictException(string message) : ServiceFailureException(message);

/// <summary>Answered 503 with Retry-After: storage or a network controller cannot answer now; the same request may succeed later.</summary>
public sealed class UnavailableException(string message, TimeSpan retryAfter, Exception? cause = null) : ServiceFailureException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public Exception? Cause { get; } = cause;
}

/// <summary>Answered 403: the caller is known but may not do this (a deactivated router or company, too little role).</summary>
public sealed class ForbiddenException(string message) : ServiceFailureException(message);

/// <summary>The body could not be read as the route's request (malformed JSON, wrong types): answered as the reader decided (400 or 422).</summary>
public sealed class UnreadableBodyException(IResult answer) : ServiceFailureException("The request body could not be read.")
{
    public IResult Answer { get; } = answer;
}

/// <summary>Answered 400 with the service's words (a seed's message, such as seed 004's "Contraseña actual incorrecta").</summary>
public sealed class BadRequestException(string message) : ServiceFailureException(message);

/// <summary>Answered 401 with the service's words.</summary>
public sealed class UnauthorizedException(string message) : ServiceFailureException(message);

/// <summary>Answered 429 with <c>Retry-After</c>: too many attempts; nothing was verified.</summary>
public sealed class TooManyAttemptsException(TimeSpan retryAfter) : ServiceFailureException("Too many attempts.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Answered 500 with the service's words, where a seed reports a router or storage failure as a server error (seed 001).</summary>
public sealed class ServerFailureException(string message) : ServiceFailureException(message);
