using Hotspot.Sales.Payments.Webhooks;

namespace Hotspot.Sales.Payments;

/// <summary>
/// One provider's API as the purchase engine needs it. Every call is idempotent by construction (keys derived from
/// the purchase id) and bounded in time; a failure is a <see cref="PaymentProviderException"/>.
/// </summary>
public interface IPaymentProvider
{
    PaymentProviderKind Kind { get; }

    /// <summary>Makes (or, on a retry, finds again) the hosted checkout for a purchase.</summary>
    Task<CheckoutCreated> CreateCheckoutAsync(PaymentAccount account, CheckoutRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the provider what happened to the purchase's money. <paramref name="providerReference"/> is what
    /// <see cref="CreateCheckoutAsync"/> returned (Stripe needs it; Mercado Pago searches by the purchase id).
    /// </summary>
    Task<PaymentTruth> LookupAsync(PaymentAccount account, string purchaseId, string? providerReference, CancellationToken cancellationToken);

    /// <summary>
    /// Closes the purchase's hosted checkout so it takes no more payments (the buyer left it): Stripe expires the
    /// session, Mercado Pago moves the preference's expiration to now. False when the checkout no longer takes a close
    /// (a Stripe session already completed: the buyer paid or chose cash meanwhile, and the truth says so).
    /// </summary>
    Task<bool> CloseCheckoutAsync(PaymentAccount account, string providerReference, CancellationToken cancellationToken);

    Task<RefundResult> RefundAsync(PaymentAccount account, RefundRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The purchase a verified webhook is about, asking the provider when the notification does not say it (Mercado
    /// Pago sends only the payment id); null when the provider does not know it or it is not ours.
    /// </summary>
    Task<string?> FindPurchaseIdAsync(PaymentAccount account, WebhookNotice notice, CancellationToken cancellationToken);
}
