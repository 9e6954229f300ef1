using Hotspot.Auth;
using Hotspot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Http;

/// <summary>
/// What every route goes through, whichever host received the request: CORS for the portal routes, the body read once and size-checked
/// (<see cref="RequestBody"/>), authentication by the route's kind, then the handler. A client's mistake (a broken,
/// stalled or oversized body, a client gone) is answered for what it is and never logged as an error; a contended
/// store answers 503 with Retry-After; anything else unexpected is a 500 problem that reveals nothing.
/// </summary>
internal static class RoutePipeline
{
    private static readonly TimeSpan ContendedRetryAfter = TimeSpan.FromSeconds(1);

    public static async Task<IResult> ExecuteAsync(HotspotRoute route, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (Cors.PortalCors.Applies(route))
            {
                if (HttpMethods.IsOptions(context.Request.Method))
                {
                    return Cors.PortalCors.Preflight(context);
                }

                Cors.PortalCors.AllowOrigin(context);
            }

            if (await RequestBody.ReadAsync(context, cancellationToken) is { } unreadable)
            {
                return unreadable;
            }

            if (await AuthenticateAsync(route, context, cancellationToken) is { } rejection)
            {
                return rejection;
            }

            return await route.Handler(context, cancellationToken);
        }
        catch (ServiceFailureException failure)
        {
            return Answer(failure);
        }
        catch (Exception e) when (ClientWentAway(e, context, cancellationToken))
        {
            // The caller went away; nobody reads this answer.
            return Results.StatusCode(StatusCodes.Status499ClientClosedRequest);
        }
        catch (BadHttpRequestException e)
        {
            // The server's parser refused the request's framing (bad chunks, a body that stopped arriving, too large).
            Logger(context).LogDebug("Route {Route}: request refused by the server: {Reason}", route.Name, e.Message);
            return Problems.Status(e.StatusCode, "La petición está mal formada o su cuerpo no llegó completo.");
        }
        catch (StoreContendedException e)
        {
            Logger(context).LogWarning("Route {Route}: {Reason}", route.Name, e.Message);
            return Problems.Unavailable("El almacén está muy solicitado en este momento; vuelva a intentarlo.", ContendedRetryAfter);
        }
        catch (Exception exception)
        {
            Logger(context).LogError(exception, "Unhandled error in route {Route}", route.Name);
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
        BadRequestException => Problems.BadRequest(failure.Message),
        UnauthorizedException => Problems.Unauthorized(failure.Message),
        TooManyAttemptsException tooMany => Problems.TooManyRequests(tooMany.RetryAfter),
        UnavailableException unavailable => Problems.Unavailable(failure.Message, unavailable.RetryAfter),
        ServerFailureException => Results.Problem(detail: failure.Message, statusCode: StatusCodes.Status500InternalServerError, title: "Internal Server Error"),
        _ => throw new ArgumentOutOfRangeException(nameof(failure)),
    };

    /// <summary>A cancellation, or a connection error while the client has already gone away.</summary>
    private static bool ClientWentAway(Exception e, HttpContext context, CancellationToken cancellationToken) =>
        (cancellationToken.IsCancellationRequested || context.RequestAborted.IsCancellationRequested)
        && e is OperationCanceledException or IOException;

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Hotspot.Http");

    private static async Task<IResult?> AuthenticateAsync(HotspotRoute route, HttpContext context, CancellationToken cancellationToken)
    {
        var kind = route.Auth;
        switch (kind)
        {
            case AuthKind.Anonymous:
                return null;
            case AuthKind.RadiusSecret:
                return await context.RequestServices.GetRequiredService<Radius.RadiusRestSecret>().IsPresentedAsync(context.Request, cancellationToken)
                    ? null
                    : Problems.Unauthorized("Falta el secreto RADIUS de la implantación o no es válido.");
            case AuthKind.PortalKey or AuthKind.IntegrationKey:
            {
                var (principal, error) = await context.RequestServices.GetRequiredService<ApiKeyAuthenticator>().AuthenticateAsync(context, kind.RequiredScope(), cancellationToken);
                if (principal is not null)
                {
                    context.Features.Set(principal);
                }

                return error;
            }

            default:
            {
                var (principal, error) = await context.RequestServices.GetRequiredService<SessionAuthenticator>().AuthenticateAsync(context, route, cancellationToken);
                if (principal is not null)
                {
                    context.Features.Set(principal);
                }

                return error;
            }
        }
    }
}
