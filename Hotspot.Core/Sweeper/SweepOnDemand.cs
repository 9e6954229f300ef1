using Hotspot.Auth;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Admin;

namespace Hotspot.Sweeper;

/// <summary>A super_admin sweeps one router now (the timer's own step), audited.</summary>
public sealed class SweepOnDemand(RouterAdmin routers, SweepJob sweep, AuditLog audit)
{
    public async Task<SweepReport> SweepAsync(AdminCaller caller, long? routerId, CancellationToken cancellationToken)
    {
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        var report = await sweep.SweepRouterAsync(router, cancellationToken);
        await audit.RecordAsync(caller, "router.barrer", $"router:{router.Id}", router.EmpresaId, cancellationToken);
        return report;
    }
}
