namespace Hotspot.Simulators.Payments.Checkout;

/// <summary>What the buyer does on the hosted checkout page.</summary>
public enum CheckoutOutcome
{
    Approve,
    Reject,

    /// <summary>Chooses a method that settles later (cash, bank transfer): the payment stays pending until the control port settles it.</summary>
    Pending,

    /// <summary>Leaves without paying.</summary>
    Cancel,
}
