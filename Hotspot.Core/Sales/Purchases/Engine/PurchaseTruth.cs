using Hotspot.Sales.Alerts;
using Hotspot.Sales.Catalog;
using Hotspot.Sales.Payments;

namespace Hotspot.Sales.Purchases.Engine;

/// <summary>
/// Re-asks the provider what happened to a purchase's money and requests the transition that follows. This is the
/// only way a purchase learns about money: a webhook, a poll or a return redirect is just a reason to ask.
/// </summary>
public sealed class PurchaseTruth(
    PaymentProviders providers, PaymentCredentialStore credentials, PurchaseRows rows, CompraWorkList work, PurchaseSteps steps, SalesAlerts alerts, ExtraPaymentRefunds extraRefunds, TimeProvider clock)
{
    /// <summary>
    /// Asks the provider and applies the answer. A purchase whose checkout was never made has nothing to ask about
    /// at Stripe (the session is the reference); Mercado Pago is searched by the purchase id either way.
    /// </summary>
    public async Task<CompraEntity> PullAsync(CompraEntity compra, string senal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compra);
        if (!PaymentProviderNames.TryParse(compra.Proveedor, out var kind) || (kind == PaymentProviderKind.Stripe && compra.ReferenciaProveedor is null))
        {
            return compra;
        }

        var account = await credentials.GetAccountAsync(compra.EmpresaId, kind, cancellationToken)
            ?? throw new PaymentProviderException(kind, PaymentFailure.BadCredentials, $"empresa {compra.EmpresaId} has no {compra.Proveedor} credentials.");
        var truth = (await providers.Provider(kind).LookupAsync(account, compra.Id, compra.ReferenciaProveedor, cancellationToken)).Keeping(compra.PagoProveedorId);
        await steps.ReachedAsync(PurchaseStep.TruthRead, compra, cancellationToken);
        var stored = await ApplyAsync(compra, truth, senal, cancellationToken);
        stored = await extraRefunds.RefundAsync(account, stored, truth, cancellationToken);
        await steps.ReachedAsync(PurchaseStep.TruthApplied, stored, cancellationToken);
        return stored;
    }

    /// <summary>
    /// Applies the truth of the purchase's own payment (<see cref="PaymentTruth.Keeping"/>): its state moves the
    /// purchase; a dispute is recorded with what it holds; other payments that took money are counted apart.
    /// </summary>
    public async Task<CompraEntity> ApplyAsync(CompraEntity compra, PaymentTruth truth, string senal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var target = Target(truth.State);
        var kept = truth.Payments.FirstOrDefault(p => p.Id == truth.ProviderPaymentId);
        var (extras, extrasRefunded) = ExtraPaymentRefunds.Totals(truth, refundedNow: null);
        if (target is CompraEstados.Aprobada or CompraEstados.Reembolsada or CompraEstados.Contracargo)
        {
            // Listed before the move, so a crash right after it still leaves the purchase for the reconciler.
            await work.ScheduleAsync(compra, clock.GetUtcNow(), cancellationToken);
        }

        var now = clock.GetUtcNow();
        var stored = await rows.UpdateAsync(compra, current =>
        {
            var changed = current.ConsultadaEn != now;
            current.ConsultadaEn = now;
            if (truth.RawStatus is { } raw && raw != current.EstadoPago)
            {
                current.EstadoPago = raw;
                changed = true;
            }

            if (truth.ProviderPaymentId is { } paymentId && paymentId != current.PagoProveedorId
                && truth.State is not (PaymentState.Open or PaymentState.Rejected or PaymentState.Cancelled or PaymentState.Expired))
            {
                current.PagoProveedorId = paymentId;
                changed = true;
            }

            var refunded = Money.ToCents(truth.AmountRefunded) ?? 0;
            if (refunded > current.MontoReembolsadoCentavos)
            {
                current.MontoReembolsadoCentavos = refunded;
                changed = true;
            }

            if (!current.PagoDuplicado && truth.Extras.Count > 0)
            {
                current.PagoDuplicado = true;
                changed = true;
            }

            changed |= ExtraPaymentRefunds.Record(current, extras, extrasRefunded);
            changed |= RecordDispute(current, truth.State, kept);

            if (target is not null && rows.Move(current, target, senal))
            {
                changed = true;
                if (target == CompraEstados.Aprobada)
                {
                    current.PagadaEn = now;
                }
            }

            return changed;
        }, cancellationToken);
        await alerts.PagosDuplicadosAsync(stored, truth, cancellationToken);
        return stored;
    }

    /// <summary>
    /// An open dispute holds what was not refunded (the provider withdrew it when the dispute opened); it closes won when
    /// the payment is approved again, lost when it is charged back. The access is not touched while it is open.
    /// </summary>
    private static bool RecordDispute(CompraEntity compra, PaymentState state, ProviderPayment? kept)
    {
        var (disputa, held) = state switch
        {
            PaymentState.InDispute => (CompraDisputas.Abierta, kept is null ? compra.MontoCentavos - compra.MontoReembolsadoCentavos : Money.ToCents(kept.Amount - kept.AmountRefunded) ?? 0),
            PaymentState.ChargedBack when compra.Disputa is not null => (CompraDisputas.Perdida, 0L),
            // Approved again: the bank sided with the merchant. Anything else (a refund) gave the buyer the money back.
            _ when compra.Disputa == CompraDisputas.Abierta => (state == PaymentState.Approved ? CompraDisputas.Ganada : CompraDisputas.Perdida, 0L),
            _ => (compra.Disputa, compra.MontoEnDisputaCentavos),
        };
        if (disputa == compra.Disputa && held == compra.MontoEnDisputaCentavos)
        {
            return false;
        }

        compra.Disputa = disputa;
        compra.MontoEnDisputaCentavos = held;
        return true;
    }

    /// <summary>
    /// The state the provider's answer asks for. A disputed payment was paid (it asks for aprobada, which a purchase
    /// already provisioned ignores, so the access stays while the dispute is open).
    /// </summary>
    public static string? Target(PaymentState state) => state switch
    {
        PaymentState.Open => CompraEstados.PendientePago,
        PaymentState.InProcess => CompraEstados.EnProceso,
        PaymentState.Approved => CompraEstados.Aprobada,
        PaymentState.Rejected => CompraEstados.Rechazada,
        PaymentState.Cancelled => CompraEstados.Cancelada,
        PaymentState.Expired => CompraEstados.Expirada,
        PaymentState.Refunded => CompraEstados.Reembolsada,
        PaymentState.ChargedBack => CompraEstados.Contracargo,
        PaymentState.InDispute => CompraEstados.Aprobada,
        _ => null,
    };
}
