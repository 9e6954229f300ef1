using System.Globalization;

namespace Hotspot.Sales.Payments;

/// <summary>
/// Idempotency keys sent to providers, derived from our purchase id so that every retry of the same operation (after a
/// timeout, a crash, a second worker) carries the same key and the provider answers with the object it already made.
/// Never a fresh key per attempt.
/// </summary>
public static class PaymentIdempotencyKeys
{
    public static string Checkout(string purchaseId) => $"compra_{purchaseId}:checkout";

    /// <summary>The n-th refund of a purchase (1, 2, …): a partial refund and a later one are different operations.</summary>
    public static string Refund(string purchaseId, int refundNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"compra_{purchaseId}:reembolso:{refundNumber}");

    /// <summary>The refund of a payment that took money twice for one purchase (the one not kept): once per payment.</summary>
    public static string ExtraPaymentRefund(string purchaseId, string providerPaymentId) => $"compra_{purchaseId}:pago_extra:{providerPaymentId}";
}
