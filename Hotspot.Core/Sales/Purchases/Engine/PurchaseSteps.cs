namespace Hotspot.Sales.Purchases.Engine;

/// <summary>The points of the purchase engine between two effects (a provider call, a router call, a row write).</summary>
public enum PurchaseStep
{
    /// <summary>The row and the idempotency claim are written; the provider's checkout is not.</summary>
    PurchaseWritten,

    /// <summary>The provider made the checkout; the row does not know it yet.</summary>
    CheckoutCreated,

    /// <summary>The provider was re-asked for the truth; no transition requested yet.</summary>
    TruthRead,

    /// <summary>A transition was written (the row holds the new state).</summary>
    Transitioned,

    /// <summary>A new user name was stored after the old one turned out to be someone else's; the router is not called yet.</summary>
    UserNameStored,

    /// <summary>The router holds the access; the row still says aprobada.</summary>
    Provisioned,

    /// <summary>The provider refunded; the row does not know it yet.</summary>
    RefundedAtProvider,

    /// <summary>The router no longer holds the access; the row still has the revocation pending.</summary>
    Revoked,

    /// <summary>The provider's answer is written to the row (a dispute, another payment's refund), moved or not.</summary>
    TruthApplied,
}

/// <summary>
/// Told each time the engine passes a <see cref="PurchaseStep"/>. The product registers none; tests register one to
/// wait for a transition instead of sleeping, and to throw at a step, as a crash there would, then rerun the engine.
/// </summary>
public interface IPurchaseStepObserver
{
    ValueTask ReachedAsync(PurchaseStep reached, CompraEntity compra, CancellationToken cancellationToken);
}

/// <summary>Calls every registered observer in turn.</summary>
public sealed class PurchaseSteps(IEnumerable<IPurchaseStepObserver> observers)
{
    private readonly IPurchaseStepObserver[] _observers = [.. observers];

    public async ValueTask ReachedAsync(PurchaseStep reached, CompraEntity compra, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            await observer.ReachedAsync(reached, compra, cancellationToken);
        }
    }
}
