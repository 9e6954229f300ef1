using Hotspot.Http;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Sweeper;

/// <summary><c>POST /api/v1/admin/routers/{routerId}/sweep</c>: a super_admin sweeps one router now and reads what was done.</summary>
public static class SweepEndpoints
{
    public static async Task<IResult> SweepAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var router = await RouterEndpoints.FindAsync(context, cancellationToken);
        if (router is null)
        {
            return Problems.NotFound("Router no encontrado.");
        }

        var report = await context.RequestServices.GetRequiredService<SweepJob>().SweepRouterAsync(router, cancellationToken);
        await context.RequestServices.GetRequiredService<AuditLog>().RecordAsync(context, "router.barrer", $"router:{router.Id}", router.EmpresaId, cancellationToken);
        return ApiJson.Ok(report);
    }
}
