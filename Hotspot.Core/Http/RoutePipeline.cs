using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Http;

/// <summary>What every route goes through, whichever host received the request.</summary>
internal static class RoutePipeline
{
    public static async Task<IResult> ExecuteAsync(HotspotRoute route, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await route.Handler(context, cancellationToken);
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
}
