using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.Sweeper;

/// <summary><c>POST /api/v1/admin/routers/{routerId}/sweep</c>: a super_admin sweeps one router now and reads what was done.</summary>
public static class SweepEndpoints
{
    public static async Task<IResult> SweepAsync(SweepOnDemand sweep, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await sweep.SweepAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), cancellationToken));
}
