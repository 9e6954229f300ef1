namespace Hotspot.Sales.Payments;

/// <summary>What the provider says about a purchase's money, in provider-neutral words.</summary>
public enum PaymentState
{
    /// <summary>The checkout exists and nothing has been paid or attempted that counts.</summary>
    Open,

    /// <summary>Pending settlement: cash/transfer not yet paid, in review (MP pending/in_process/authorized; Stripe complete+unpaid).</summary>
    InProcess,

    /// <summary>Paid. May be partly refunded: see <see cref="PaymentTruth.AmountRefunded"/>.</summary>
    Approved,

    Rejected,

    /// <summary>Cancelled by the buyer or the provider (MP cancelled).</summary>
    Cancelled,

    /// <summary>The checkout expired without a payment.</summary>
    Expired,

    /// <summary>Refunded in full.</summary>
    Refunded,

    /// <summary>The buyer's bank took the money back (MP charged_back).</summary>
    ChargedBack,

    /// <summary>Disputed, outcome not yet known; the provider holds the money meanwhile (MP in_mediation; a Stripe dispute needs_response/under_review).</summary>
    InDispute,
}

/// <summary>One provider payment (Mercado Pago payment, Stripe PaymentIntent) for the purchase.</summary>
public sealed record ProviderPayment(string Id, PaymentState State, string RawStatus, decimal Amount, decimal AmountRefunded);

/// <summary>
/// The provider's answer for a purchase. <see cref="State"/> follows the payment that matters most (a chargeback or a
/// refund over an approval, an approval over a rejection: Checkout Pro allows a rejected attempt and then a good
/// one). <see cref="Payments"/> lists every payment, so two approved payments for one purchase can be noticed.
/// </summary>
public sealed record PaymentTruth(PaymentState State, string? RawStatus, string? ProviderPaymentId, decimal AmountRefunded, IReadOnlyList<ProviderPayment> Payments)
{
    public static PaymentTruth Of(PaymentState emptyState, IReadOnlyList<ProviderPayment> payments)
    {
        var decisive = payments.OrderByDescending(p => Weight(p.State)).FirstOrDefault();
        return decisive is null
            ? new PaymentTruth(emptyState, null, null, 0, payments)
            : new PaymentTruth(decisive.State, decisive.RawStatus, decisive.Id, decisive.AmountRefunded, payments);
    }

    /// <summary>Whether the payment took the buyer's money (even if it was given back later).</summary>
    public static bool TookMoney(PaymentState state) => state is PaymentState.Approved or PaymentState.Refunded or PaymentState.ChargedBack or PaymentState.InDispute;

    /// <summary>
    /// The truth of the purchase's own payment when several took money: <paramref name="keptPaymentId"/> (the one the
    /// purchase already follows) when it took money, else the one still holding money first (approved, then disputed,
    /// refunded, charged back; ties by id, so every worker chooses alike). The others are <see cref="Extras"/>.
    /// </summary>
    public PaymentTruth Keeping(string? keptPaymentId)
    {
        var taken = Payments.Where(p => TookMoney(p.State)).ToList();
        var kept = taken.FirstOrDefault(p => p.Id == keptPaymentId)
            ?? taken.OrderBy(p => Weight(p.State)).ThenBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault();
        return kept is null ? this : this with { State = kept.State, RawStatus = kept.RawStatus, ProviderPaymentId = kept.Id, AmountRefunded = kept.AmountRefunded };
    }

    /// <summary>Payments that took money besides <see cref="ProviderPaymentId"/> (call on a truth from <see cref="Keeping"/>).</summary>
    public IReadOnlyList<ProviderPayment> Extras => [.. Payments.Where(p => TookMoney(p.State) && p.Id != ProviderPaymentId)];

    private static int Weight(PaymentState state) => state switch
    {
        PaymentState.ChargedBack => 8,
        PaymentState.Refunded => 7,
        PaymentState.InDispute => 6,
        PaymentState.Approved => 5,
        PaymentState.InProcess => 4,
        PaymentState.Rejected => 3,
        PaymentState.Cancelled => 2,
        PaymentState.Expired => 1,
        _ => 0,
    };
}
