using Hotspot.Sales.Purchases.Engine;
using Hotspot.Timers;
using Microsoft.Extensions.Logging;

namespace Hotspot.Sales.Purchases;

/// <summary>
/// The <c>ReconcilePurchases</c> timer (every minute, on both hosts): works through the purchases listed as due.
/// An unpaid one is pulled from the provider (a webhook may have been lost) and expires once its checkout is long
/// over; a paid one gets the router work it is still owed (provisioning, retried with backoff, or a revocation).
/// A purchase that needs nothing more leaves the list.
/// </summary>
public sealed class PurchaseReconciler(CompraWorkList work, CompraStore compras, PurchaseEngine engine, PurchaseRows rows, TimeProvider clock, ILogger<PurchaseReconciler> logger)
    : ITimerJob
{
    public const string JobName = "ReconcilePurchases";

    /// <summary>How long after its checkout closed an unpaid purchase is still pulled before it expires.</summary>
    public static readonly TimeSpan ExpiryGrace = TimeSpan.FromMinutes(10);

    /// <summary>A payment pending settlement (cash, transfer) is pulled this long before it is left to its webhook.</summary>
    public static readonly TimeSpan SettlementWindow = TimeSpan.FromDays(3);

    private const int Parallelism = 8;

    public string Name => JobName;

    public string Schedule => "0 * * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(work.DueAsync(clock.GetUtcNow(), cancellationToken), parallel, async (entry, ct) =>
        {
            try
            {
                await ReconcileAsync(entry, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Purchase {CompraId} could not be reconciled; it stays listed", entry.RowKey);
            }
        });
    }

    private async Task ReconcileAsync(CompraPendienteEntity entry, CancellationToken cancellationToken)
    {
        var compra = await compras.GetAsync(entry.EmpresaId, entry.RowKey, cancellationToken);
        if (compra is null)
        {
            await work.DoneAsync(entry.RowKey, cancellationToken);
            return;
        }

        compra = await engine.AdvanceTolerantAsync(compra, CompraSenales.Temporizador, CompraEstados.AwaitsPayment(compra.Estado), routerBudget: null, cancellationToken);
        var now = clock.GetUtcNow();
        if (compra.Estado is CompraEstados.Creada or CompraEstados.PendientePago && now > compra.ExpiraEn + ExpiryGrace)
        {
            compra = await rows.MoveAsync(compra, CompraEstados.Expirada, CompraSenales.Temporizador, cancellationToken);
        }

        if (Next(compra, now) is { } next)
        {
            await work.ScheduleAsync(compra, next, cancellationToken);
        }
        else
        {
            await work.DoneAsync(compra.Id, cancellationToken);
        }
    }

    /// <summary>When the purchase next needs the reconciler; null when it needs nothing more.</summary>
    private static DateTimeOffset? Next(CompraEntity compra, DateTimeOffset now)
    {
        if (compra.RevocacionPendiente || compra.Estado is CompraEstados.Aprobada or CompraEstados.RequiereAtencion)
        {
            return compra.ProximoIntento is { } planned && planned > now ? planned : now + PurchaseFulfilment.Backoff[0];
        }

        return compra.Estado switch
        {
            CompraEstados.Creada or CompraEstados.PendientePago => now + TimeSpan.FromMinutes(5),
            CompraEstados.EnProceso when now < compra.CreadaEn + SettlementWindow => now + TimeSpan.FromMinutes(30),
            _ => null,
        };
    }
}
