using Hotspot.Http;
using Hotspot.Sweeper;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public sealed class SweepFunctions(SweepJob sweep)
{
    /// <summary>The schedule is the app setting SWEEP_SCHEDULE (every 5 minutes unless changed).</summary>
    [Function("SweepExpired")]
    public Task SweepExpired([TimerTrigger("%SWEEP_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RunAsync(cancellationToken);

    [Function("SweepRouter")]
    public static Task<IResult> SweepRouter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/routers/{routerId}/sweep")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.SweepRouter.ExecuteAsync(request.HttpContext, cancellationToken);
}
