using Hotspot.Simulators.Payments.Checkout;

namespace Hotspot.Simulators.Payments;

/// <summary>How one provider's objects change and which webhooks they send when something happens to a payment.</summary>
internal interface IProviderDialect
{
    /// <summary>Applies the buyer's choice; answers where the provider sends the browser (null: it stays on the page).</summary>
    Uri? Pay(SimulatedCheckout checkout, CheckoutOutcome outcome);

    /// <summary>A pending payment is paid or fails; false when it is not pending.</summary>
    bool Settle(SimulatedPayment payment, bool paid);

    /// <summary>Refunds all that is left or <paramref name="amount"/>; null when nothing can be refunded.</summary>
    SimulatedRefund? Refund(SimulatedPayment payment, decimal? amount);

    /// <summary>The buyer's bank takes the money back (Stripe: a dispute opens); false when it cannot.</summary>
    bool Chargeback(SimulatedPayment payment);

    /// <summary>The buyer disputes the payment and the provider withholds its amount; false when it cannot be disputed.</summary>
    bool OpenDispute(SimulatedPayment payment);

    /// <summary>An open dispute ends: won gives the merchant the money back, lost is a chargeback; false when none is open.</summary>
    bool CloseDispute(SimulatedPayment payment, bool won);

    void Expire(SimulatedCheckout checkout);
}
