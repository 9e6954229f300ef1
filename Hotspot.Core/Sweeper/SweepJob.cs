using Hotspot.Auth;
using Hotspot.RouterOs;
using Hotspot.Mikrotik;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;
using Hotspot.Timers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotspot.Sweeper;

/// <summary>
/// The <c>SweepExpired</c> timer: every active router (UniFi, then MikroTik) of every active company, several at once, each within
/// its own time budget so that one dead router never stalls the rest.
/// </summary>
public sealed class SweepJob(
    RouterStore routers,
    TenancyCache tenancy,
    IMikrotikClients clients,
    MikrotikSweep sweep,
    LoginThrottle throttle,
    UnifiGrantSweep unifiGrants,
    PortalSweep portal,
    IOptions<SweepOptions> options,
    ILogger<SweepJob> logger) : ITimerJob
{
    public string Name => "SweepExpired";

    public string Schedule => options.Value.Schedule;

    public string? ScheduleSetting => Hosting.ConfigurationKeys.SweepSchedule;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var dropped = await throttle.DropStaleAsync(cancellationToken);
        if (dropped > 0)
        {
            logger.LogInformation("Dropped {Count} login-throttle records past their window", dropped);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken };
        foreach (var kind in Kinds.RouterKindRegistry.Tipos.Reverse())
        {
            await Parallel.ForEachAsync(routers.StreamActiveAsync(kind, cancellationToken), parallel, async (router, ct) =>
            {
                // A RADIUS router cannot be reached: its guests' access lives in our tables only.
                if (Kinds.RouterKindRegistry.For(router) is { ReachableFromCloud: true } && await tenancy.EmpresaAsync(router.EmpresaId, ct) is { Activa: true })
                {
                    var report = await SweepRouterAsync(router, ct);
                    logger.LogInformation(
                        "Swept router {RouterId}: {Folded} clones folded ({Seconds} s), {Families} families and {Expired} expired users removed, {Portal} portal sessions ended, {Vouchers} vouchers expired, {Revoked} ended authorizations revoked{Error}",
                        router.Id, report.ClonesFolded, report.SecondsFolded, report.FamiliesRemoved, report.ExpiredUsersRemoved, report.PortalSessionsEnded,
                        report.VouchersExpired, report.AuthorizationsRevoked, report.Error is null ? "" : "; " + report.Error);
                }
            });
        }
    }

    /// <summary>One router within the budget; a failure is reported, never thrown.</summary>
    public async Task<SweepReport> SweepRouterAsync(RouterEntity router, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.Value.RouterBudget);
        try
        {
            if (router.Tipo == RouterKinds.Unifi)
            {
                var (sessionsEnded, vouchersExpired) = await portal.SweepHeldAsync(router, budget.Token);
                var revoked = await unifiGrants.SweepAsync(router, budget.Token);
                return SweepReport.Empty(router.Id) with { PortalSessionsEnded = sessionsEnded, VouchersExpired = vouchersExpired, AuthorizationsRevoked = revoked };
            }

            var client = await clients.ForAsync(router, budget.Token);
            var report = await sweep.SweepAsync(client, router.Id, TimeSpan.FromMinutes(options.Value.CloneIdleMinutes), budget.Token);
            return await portal.SweepAsync(router, client, report, budget.Token);
        }
        catch (Exception e) when (e is RouterOsException or Drivers.ControllerException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var error = e is OperationCanceledException ? $"router {router.Id}: not finished within {options.Value.RouterBudget.TotalSeconds:0} s" : e.Message;
            return SweepReport.Empty(router.Id) with { Error = error };
        }
    }
}
