namespace Hotspot.Sales.Payments;

/// <summary>
/// A refund of one provider payment. The idempotency key is <see cref="PaymentIdempotencyKeys.Refund"/> of the
/// purchase and the refund's number (or <paramref name="IdempotencyKey"/> when given: the refund of a duplicate
/// payment), so a retried refund never refunds twice.
/// </summary>
/// <param name="ProviderPaymentId">From <see cref="PaymentTruth.ProviderPaymentId"/>: MP payment id, Stripe PaymentIntent id.</param>
/// <param name="Amount">In the major unit; null refunds everything left.</param>
public sealed record RefundRequest(string PurchaseId, int RefundNumber, string ProviderPaymentId, decimal? Amount, string Currency, string? IdempotencyKey = null)
{
    /// <summary>The idempotency key sent to the provider.</summary>
    public string Key => IdempotencyKey ?? PaymentIdempotencyKeys.Refund(PurchaseId, RefundNumber);
}

public sealed record RefundResult(string RefundId, decimal Amount);
