using Hotspot.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Http;

/// <summary>What every route goes through, whichever host received the request: authentication by the route's kind, then the handler, with unexpected failures answered as a 500 problem that reveals nothing.</summary>
internal static class RoutePipeline
{
    public static async Task<IResult> ExecuteAsync(HotspotRoute route, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (await AuthenticateAsync(route.Auth, context, cancellationToken) is { } rejection)
            {
                return rejection;
            }

            return await route.Handler(context, cancellationToken);
        }
        catch (ServiceFailureException failure)
        {
            return Answer(failure);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away; nobody reads this answer.
            return Results.StatusCode(StatusCodes.Status499ClientClosedRequest);
        }
        catch (Exception exception)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Hotspot.Http");
            logger.LogError(exception, "Unhandled error in route {Route}", route.Name);
            return Results.Problem(
                title: "Internal error",
                detail: "The request could not be completed. It has been logged; try again later.",
                statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>A service's reported failure as the problem the caller gets.</summary>
    private static IResult Answer(ServiceFailureException failure) => failure switch
    {
        NotFoundException => Problems.NotFound(failure.Message),
        InvalidFieldsException invalid => invalid.Errors.ToResult(),
        ConflictException => Problems.Conflict(failure.Message),
        ForbiddenException => Problems.Forbidden(failure.Message),
        UnreadableBodyException unreadable => unreadable.Answer,
        UnavailableException unavailable => Problems.Unavailable(failure.Message, unavailable.RetryAfter),
        _ => throw new ArgumentOutOfRangeException(nameof(failure)),
    };

    private static async Task<IResult?> AuthenticateAsync(AuthKind kind, HttpContext context, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case AuthKind.Anonymous:
                return null;
            case AuthKind.RouterApiKey:
            {
                var (principal, error) = await context.RequestServices.GetRequiredService<ApiKeyAuthenticator>().AuthenticateAsync(context, cancellationToken);
                if (principal is not null)
                {
                    context.Features.Set(principal);
                }

                return error;
            }

            default:
            {
                var (principal, error) = await context.RequestServices.GetRequiredService<SessionAuthenticator>().AuthenticateAsync(context, kind, cancellationToken);
                if (principal is not null)
                {
                    context.Features.Set(principal);
                }

                return error;
            }
        }
    }
}
