using System.Text.Json;
using Hotspot.Drivers;
using Hotspot.Http;
using Hotspot.Sales.Alerts;
using Hotspot.Sales.Provisioning;
using Microsoft.Extensions.Logging;

namespace Hotspot.Sales.Purchases.Engine;

/// <summary>
/// Gives a paid purchase its access on the router exactly once, and takes it back after a refund or a chargeback.
/// One worker at a time holds a purchase (a lease written under its ETag), but correctness never rests on the lease:
/// the user name is stored before any router call and the provisioner finds its own user again, so two workers, or a
/// rerun after a crash at any step, end with one user. A router that is down is retried with backoff by the
/// reconciler, then the purchase asks for an operator.
/// </summary>
public sealed class PurchaseFulfilment(
    IPurchaseProvisioner provisioner, PurchaseRows rows, CompraWorkList work, PurchaseSteps steps, SalesAlerts alerts, TimeProvider clock, ILogger<PurchaseFulfilment> logger)
{
    /// <summary>How long a worker holds a purchase; its router call is cut off before the lease lapses.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    /// <summary>Waits after each failed attempt; the attempt after the last one asks for an operator, and later ones come hourly.</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)];

    private const int MaxRenames = 5;
    private static readonly TimeSpan RouterCallBudget = Lease - TimeSpan.FromSeconds(15);

    /// <summary>Does whatever router work the purchase is owed now (revoke first), within <paramref name="budget"/> for the router call.</summary>
    public async Task<CompraEntity> RunAsync(CompraEntity compra, TimeSpan? budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compra);
        if (compra.RevocacionPendiente)
        {
            return await RevokeAsync(compra, budget, cancellationToken);
        }

        if (compra.Estado is CompraEstados.Aprobada or CompraEstados.RequiereAtencion)
        {
            compra = await ProvisionAsync(compra, budget, cancellationToken);
            if (compra.RevocacionPendiente)
            {
                // Refunded while the router was being given the access: take it back now.
                return await RevokeAsync(compra, budget, cancellationToken);
            }
        }

        return compra;
    }

    private async Task<CompraEntity> ProvisionAsync(CompraEntity compra, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var (held, leased) = await TakeLeaseAsync(compra, c => c.Estado is CompraEstados.Aprobada or CompraEstados.RequiereAtencion && !c.RevocacionPendiente, cancellationToken);
        if (!leased)
        {
            return held;
        }

        compra = held;
        for (var renames = 0; ; renames++)
        {
            var result = await CallRouterAsync(token => provisioner.ProvisionAsync(Order(compra), token), budget, cancellationToken);
            switch (result.Status)
            {
                case ProvisioningStatus.Done:
                    await steps.ReachedAsync(PurchaseStep.Provisioned, compra, cancellationToken);
                    compra = await rows.UpdateAsync(compra, c =>
                    {
                        c.ArrendadaHasta = null;
                        c.Intentos = 0;
                        c.ProximoIntento = null;
                        c.UltimoError = null;
                        c.AutoConexionJson = AutoConexionOf(c, result);
                        if (rows.Move(c, CompraEstados.Provisionada, CompraSenales.Aprovisionamiento))
                        {
                            c.ProvisionadaEn = clock.GetUtcNow();
                        }

                        return true;
                    }, cancellationToken);
                    if (!compra.RevocacionPendiente)
                    {
                        await work.DoneAsync(compra.Id, cancellationToken);
                    }

                    return compra;
                case ProvisioningStatus.NameTakenByAnother when renames < MaxRenames:
                    var taken = compra.Usuario;
                    compra = await rows.UpdateAsync(compra, c =>
                    {
                        if (c.Usuario != taken)
                        {
                            return false; // another worker already chose a new name: use it
                        }

                        c.Usuario = PurchaseCredentials.NewUserName();
                        return true;
                    }, cancellationToken);
                    await steps.ReachedAsync(PurchaseStep.UserNameStored, compra, cancellationToken);
                    logger.LogWarning("Purchase {CompraId}: its user name belonged to another router user; a new one was stored", compra.Id);
                    continue;
                case ProvisioningStatus.Rejected:
                    // The order itself is wrong (a profile missing on the router): an operator must look; retried only hourly.
                    return await RetryLaterAsync(compra, result.Detail ?? "El router rechazó el pedido.", cancellationToken, giveUp: true);
                default:
                    return await RetryLaterAsync(compra, result.Detail ?? "El router no respondió.", cancellationToken);
            }
        }
    }

    private async Task<CompraEntity> RevokeAsync(CompraEntity compra, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var (held, leased) = await TakeLeaseAsync(compra, c => c.RevocacionPendiente, cancellationToken);
        if (!leased)
        {
            return held;
        }

        compra = held;
        var result = await CallRouterAsync(token => provisioner.RevokeAsync(Order(compra), token), budget, cancellationToken);
        if (result.Status != ProvisioningStatus.Done)
        {
            return await RetryLaterAsync(compra, result.Detail ?? "El router no respondió.", cancellationToken);
        }

        await steps.ReachedAsync(PurchaseStep.Revoked, compra, cancellationToken);
        compra = await rows.UpdateAsync(compra, c =>
        {
            c.RevocacionPendiente = false;
            c.ArrendadaHasta = null;
            c.Intentos = 0;
            c.ProximoIntento = null;
            c.UltimoError = null;
            return true;
        }, cancellationToken);
        await work.DoneAsync(compra.Id, cancellationToken);
        return compra;
    }

    /// <summary>Holds the purchase for this worker when <paramref name="owed"/> still holds and no other worker does.</summary>
    private async Task<(CompraEntity Compra, bool Leased)> TakeLeaseAsync(CompraEntity compra, Func<CompraEntity, bool> owed, CancellationToken cancellationToken)
    {
        var leased = false;
        var now = clock.GetUtcNow();
        compra = await rows.UpdateAsync(compra, c =>
        {
            leased = owed(c) && !(c.ArrendadaHasta > now);
            if (leased)
            {
                c.ArrendadaHasta = now + Lease;
            }

            return leased;
        }, cancellationToken);
        return (compra, leased);
    }

    private async Task<CompraEntity> RetryLaterAsync(CompraEntity compra, string error, CancellationToken cancellationToken, bool giveUp = false)
    {
        var now = clock.GetUtcNow();
        var attempt = Math.Max(compra.Intentos + 1, giveUp ? Backoff.Count : 0);
        var next = now + Backoff[Math.Min(attempt, Backoff.Count) - 1];
        await work.ScheduleAsync(compra, next, cancellationToken);
        logger.LogWarning("Purchase {CompraId}: router work failed (attempt {Attempt}): {Error}; next try at {Next:o}", compra.Id, attempt, error, next);
        var stored = await rows.UpdateAsync(compra, c =>
        {
            c.ArrendadaHasta = null;
            c.Intentos = attempt;
            c.ProximoIntento = next;
            c.UltimoError = error;
            if (attempt >= Backoff.Count && !c.RevocacionPendiente)
            {
                rows.Move(c, CompraEstados.RequiereAtencion, CompraSenales.Aprovisionamiento);
            }

            return true;
        }, cancellationToken);
        if (stored.Estado == CompraEstados.RequiereAtencion)
        {
            // Every later failed retry asks again; the alert is written once.
            await alerts.RequiereAtencionAsync(stored, cancellationToken);
        }

        return stored;
    }

    /// <summary>The router call, cut off within the lease (and within <paramref name="budget"/>); a failure or a cut-off is "router unavailable".</summary>
    private async Task<ProvisioningResult> CallRouterAsync(Func<CancellationToken, Task<ProvisioningResult>> call, TimeSpan? budget, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(budget is { } b && b < RouterCallBudget ? b : RouterCallBudget);
        try
        {
            return await call(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProvisioningResult(ProvisioningStatus.RouterUnavailable, Detail: "El router no terminó a tiempo.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The provisioner failed");
            return new ProvisioningResult(ProvisioningStatus.RouterUnavailable, Detail: "El router falló: " + e.GetType().Name);
        }
    }

    public static ProvisioningOrder Order(CompraEntity c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new ProvisioningOrder(
            c.EmpresaId, c.RouterId, c.Id, c.Usuario, c.TiempoSegundos, c.LimiteMb, c.PerfilMikrotikNombre, c.LimiteSubidaKbps, c.LimiteBajadaKbps,
            MacAddress.TryParse(c.MacCliente, out var mac) ? mac : null, c.IpCliente, c.ConexionAutomatica);
    }

    private static string? AutoConexionOf(CompraEntity c, ProvisioningResult result) => c.ConexionAutomatica
        ? JsonSerializer.Serialize(new AutoConexion(
            result.LoggedIn ? "conectado" : "no_conectado", c.MacCliente, c.IpCliente,
            result.LoggedIn ? null : "El dispositivo no se conectó solo; inicia sesión con tu usuario y contraseña.", result.LoggedIn), ApiJson.Options)
        : c.AutoConexionJson;
}

/// <summary>pagos_hotspot_api's <c>auto_conexion</c>: whether the buyer's device was logged in when its access was made.</summary>
public sealed record AutoConexion(string Estado, string? Mac, string? Ip, string? Mensaje, bool Verificado);
