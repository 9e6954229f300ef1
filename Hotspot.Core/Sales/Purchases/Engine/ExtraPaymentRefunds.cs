using Hotspot.Sales.Catalog;
using Hotspot.Sales.Payments;
using Microsoft.Extensions.Logging;

namespace Hotspot.Sales.Purchases.Engine;

/// <summary>
/// A buyer who paid twice for one purchase (Checkout Pro takes a new payment on the same preference) keeps exactly one
/// payment with access, the one the purchase follows; every other payment that still holds money is refunded in full,
/// with an idempotency key per payment, so copies of a webhook, a poll and the timer arriving together refund it once.
/// A failure at the provider propagates: the webhook is answered 503 and retried, or the next pull refunds it.
/// </summary>
public sealed class ExtraPaymentRefunds(PaymentProviders providers, PurchaseRows rows, ILogger<ExtraPaymentRefunds> logger)
{
    public async Task<CompraEntity> RefundAsync(PaymentAccount account, CompraEntity compra, PaymentTruth truth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(compra);
        ArgumentNullException.ThrowIfNull(truth);
        var owed = truth.Extras.Where(p => p.State == PaymentState.Approved && p.AmountRefunded < p.Amount).ToList();
        if (owed.Count == 0)
        {
            return compra;
        }

        var provider = providers.Provider(account.Provider);
        foreach (var payment in owed)
        {
            var refund = await provider.RefundAsync(account, new RefundRequest(
                compra.Id, 0, payment.Id, payment.Amount - payment.AmountRefunded, compra.Moneda, PaymentIdempotencyKeys.ExtraPaymentRefund(compra.Id, payment.Id)), cancellationToken);
            logger.LogInformation("Purchase {CompraId}: payment {PaymentId} took money a second time; refunded it ({RefundId})", compra.Id, payment.Id, refund.RefundId);
        }

        var (extras, refunded) = Totals(truth, owed.Select(p => p.Id).ToHashSet(StringComparer.Ordinal));
        return await rows.UpdateAsync(compra, c => Record(c, extras, refunded), cancellationToken);
    }

    /// <summary>What the other payments took and what was given back of it, in cents (<paramref name="refundedNow"/>: refunded in full just now).</summary>
    public static (long Extras, long Refunded) Totals(PaymentTruth truth, IReadOnlySet<string>? refundedNow)
    {
        ArgumentNullException.ThrowIfNull(truth);
        long extras = 0, refunded = 0;
        foreach (var p in truth.Extras)
        {
            extras += Money.ToCents(p.Amount) ?? 0;
            refunded += Money.ToCents(p.State == PaymentState.Refunded || refundedNow?.Contains(p.Id) == true ? p.Amount : p.AmountRefunded) ?? 0;
        }

        return (extras, refunded);
    }

    /// <summary>Writes the totals when they grew (a stale answer never lowers them).</summary>
    public static bool Record(CompraEntity compra, long extras, long refunded)
    {
        ArgumentNullException.ThrowIfNull(compra);
        if (extras <= compra.PagosExtraCentavos && refunded <= compra.PagosExtraReembolsadoCentavos)
        {
            return false;
        }

        compra.PagosExtraCentavos = Math.Max(compra.PagosExtraCentavos, extras);
        compra.PagosExtraReembolsadoCentavos = Math.Max(compra.PagosExtraReembolsadoCentavos, refunded);
        return true;
    }
}
