namespace Hotspot.Sales.Payments;

/// <summary>
/// A hosted checkout for one purchase. Amount and currency come from the purchase's product snapshot, never from the
/// buyer. The provider is given the purchase id as its reference (Mercado Pago external_reference, Stripe
/// client_reference_id and metadata) and <see cref="PaymentIdempotencyKeys.Checkout"/> as the idempotency key.
/// </summary>
/// <param name="Amount">In the currency's major unit (15.00 MXN).</param>
/// <param name="Currency">ISO 4217, e.g. MXN.</param>
/// <param name="SuccessUrl">Where the buyer returns after paying. For Stripe, <c>{CHECKOUT_SESSION_ID}</c> in it is replaced by the session id.</param>
/// <param name="FailureUrl">After a rejected payment (Mercado Pago) or cancelling (both).</param>
/// <param name="PendingUrl">After choosing a method that settles later (Mercado Pago); the success URL when null.</param>
/// <param name="NotificationUrl">Mercado Pago's notification_url (overrides the dashboard's); Stripe uses the endpoint set in its dashboard.</param>
public sealed record CheckoutRequest(
    string PurchaseId,
    string Title,
    decimal Amount,
    string Currency,
    Uri SuccessUrl,
    Uri FailureUrl,
    Uri? PendingUrl,
    Uri? NotificationUrl,
    DateTimeOffset ExpiresAt,
    string? PayerEmail = null);

/// <summary>The provider's checkout: its id (preference or session id, to be stored with the purchase) and the page to send the buyer to.</summary>
public sealed record CheckoutCreated(string ProviderReference, Uri PaymentUrl, DateTimeOffset? ExpiresAt);
