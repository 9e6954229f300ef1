using System.Globalization;
using Hotspot.Auth;
using Hotspot.Sales.Payments;
using Hotspot.Sales.Payments.Webhooks;
using Hotspot.Sales.Purchases;
using Hotspot.Tenancy;
using Microsoft.Extensions.Logging;

namespace Hotspot.Sales.Alerts;

/// <summary>The alerts' actions as the audit log spells them.</summary>
public static class SalesAlertActions
{
    /// <summary>A paid purchase whose access could not be made after every retry: an operator must act (reprovision or refund).</summary>
    public const string RequiereAtencion = "alerta.requiere_atencion";

    /// <summary>A verified payment notification that names no purchase of ours: money may have been taken for nothing.</summary>
    public const string PagoHuerfano = "alerta.pago_huerfano";

    /// <summary>Two or more provider payments took money for one purchase: all but one should be refunded.</summary>
    public const string PagoDuplicado = "alerta.pago_duplicado";
}

/// <summary>
/// Sales alerts for operators, written to the audit log (<c>GET /api/v1/admin/audit</c>: the company's cliente_admin and
/// every super_admin see them), each once, by the actor <see cref="SystemActor"/>. The target names the purchase and
/// the provider's payment ids, never a secret, a password or a consult token.
/// </summary>
public sealed class SalesAlerts(SalesAlertLedger ledger, AuditLog audit, TimeProvider clock, ILogger<SalesAlerts> logger)
{
    /// <summary>Who the audit log says raised an alert: the system itself, not an admin.</summary>
    public static readonly AdminCaller SystemActor = new(new AdminPrincipal(0, "sistema", "Sistema", "sistema", null), "");

    /// <summary>The purchase reached <c>requiere_atencion</c>. Answers whether this call wrote the alert.</summary>
    public Task<bool> RequiereAtencionAsync(CompraEntity compra, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compra);
        return RaiseAsync(compra.EmpresaId, SalesAlertActions.RequiereAtencion, compra.Id, $"compra:{compra.Id}", cancellationToken);
    }

    /// <summary>
    /// A verified notification of <paramref name="empresaId"/>'s account names a payment no purchase of ours made. A
    /// notification that names no payment (another Stripe event sent to the endpoint) is no alert.
    /// </summary>
    public Task<bool> PagoHuerfanoAsync(long empresaId, WebhookNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.ProviderPaymentId is not { Length: > 0 } paymentId)
        {
            return Task.FromResult(false);
        }

        var pago = $"{PaymentProviderNames.Of(notice.Provider)}:{paymentId}";
        return RaiseAsync(empresaId, SalesAlertActions.PagoHuerfano, pago, $"pago:{pago}", cancellationToken);
    }

    /// <summary>
    /// The provider's answer for a purchase shows more than one payment that took money (approved, even if later
    /// refunded or disputed). One alert per set of payments: a third payment raises another.
    /// </summary>
    public Task<bool> PagosDuplicadosAsync(CompraEntity compra, PaymentTruth truth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compra);
        ArgumentNullException.ThrowIfNull(truth);
        var taken = truth.Payments
            .Where(p => p.State is PaymentState.Approved or PaymentState.Refunded or PaymentState.ChargedBack or PaymentState.InDispute)
            .Select(p => p.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (taken.Count < 2)
        {
            return Task.FromResult(false);
        }

        var pagos = string.Join(',', taken);
        return RaiseAsync(compra.EmpresaId, SalesAlertActions.PagoDuplicado, $"{compra.Id}:{pagos}",
            string.Create(CultureInfo.InvariantCulture, $"compra:{compra.Id} pagos:{compra.Proveedor}:{pagos}"), cancellationToken);
    }

    private async Task<bool> RaiseAsync(long empresaId, string accion, string about, string objetivo, CancellationToken cancellationToken)
    {
        var claim = await ledger.ClaimAsync(empresaId, accion, about, objetivo, clock.GetUtcNow(), cancellationToken);
        if (claim is null)
        {
            return false;
        }

        await audit.RecordAsync(SystemActor, accion, objetivo, empresaId, cancellationToken);
        await ledger.DoneAsync(claim, cancellationToken);
        logger.LogWarning("Sales alert {Accion} for empresa {EmpresaId}: {Objetivo}", accion, empresaId, objetivo);
        return true;
    }
}
