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

    /// <summary>The buyer's bank disputes the payment; false when it cannot be disputed.</summary>
    bool Chargeback(SimulatedPayment payment);

    void Expire(SimulatedCheckout checkout);
}
