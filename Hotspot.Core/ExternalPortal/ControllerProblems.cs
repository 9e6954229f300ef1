using Hotspot.Drivers;
using Hotspot.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.ExternalPortal;

/// <summary>
/// A <see cref="ControllerException"/> as an API answer: what the caller sent wrong is 422 naming its field, a router
/// that cannot be reached 503, one that is misconfigured (key, certificate, URL) 502. The answer carries our words
/// only; the controller's own (its text, the router id, the request path) go to the log.
/// </summary>
internal static class ControllerProblems
{
    /// <summary>The operation's answer, or its controller failure as a problem.</summary>
    public static async Task<IResult> AnswerAsync(HttpContext context, Func<Task<IResult>> operation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await operation();
        }
        catch (ControllerException e)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ControllerProblems))
                .LogWarning("{Path}: the controller refused or failed ({Error}): {Reason}", context.Request.Path.Value, e.Error, e.Message);
            return From(e);
        }
    }

    public static IResult From(ControllerException e) => e.Error switch
    {
        ControllerError.LimitOutOfRange or ControllerError.InvalidArgument or ControllerError.UnknownSite
            or ControllerError.DeviceNotFound or ControllerError.NotAGuest =>
            Problems.Invalid(FieldOf(e), ControllerMessages.Spanish(e.Error)),
        ControllerError.Unavailable when e.RetryAfter is { } wait => Problems.Unavailable(ControllerMessages.Spanish(e.Error), wait),
        ControllerError.Unavailable => Problems.Unavailable(ControllerMessages.Spanish(e.Error)),
        _ => Results.Problem(ControllerMessages.Spanish(e.Error), statusCode: StatusCodes.Status502BadGateway, title: "Bad gateway"),
    };

    // The driver names its own properties; the API names the request's fields.
    private static string FieldOf(ControllerException e) => e.Field switch
    {
        nameof(AccessBudget.TimeLimit) => "minutes",
        nameof(AccessBudget.DataLimitMBytes) => "data_mb",
        nameof(AccessBudget.DownloadKbps) => "rx_kbps",
        nameof(AccessBudget.UploadKbps) => "tx_kbps",
        nameof(GuestDevice.Site) => "site",
        nameof(GuestDevice.Mac) => "mac",
        { } other => other,
        null => "router",
    };
}
