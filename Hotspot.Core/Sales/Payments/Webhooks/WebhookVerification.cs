namespace Hotspot.Sales.Payments.Webhooks;

/// <summary>
/// The verdict on a webhook. Only a valid one carries a <see cref="Notice"/>: the body is parsed after the
/// signature has been checked, never before. <see cref="Failure"/> is safe to log (no secret, no signature).
/// </summary>
public sealed record WebhookVerification(WebhookNotice? Notice, string? Failure)
{
    public bool IsValid => Notice is not null;

    public static WebhookVerification Refused(string failure) => new(null, failure);

    public static WebhookVerification Accepted(WebhookNotice notice) => new(notice, null);
}

/// <summary>
/// What a verified webhook is about. It is a hint: the engine re-asks the provider for the truth before acting.
/// </summary>
/// <param name="DedupeKey">The same for a duplicate or a retry of one notification: MP <c>&lt;x-request-id&gt;:&lt;data.id&gt;</c>, Stripe the event id.</param>
/// <param name="EventType">MP action (payment.created, payment.updated), Stripe event type (checkout.session.completed, charge.refunded…).</param>
/// <param name="ResourceId">MP payment id; Stripe the event's object id (session, charge or dispute).</param>
/// <param name="PurchaseId">When the notification itself names the purchase (Stripe checkout.session.* events' client_reference_id).</param>
/// <param name="ProviderPaymentId">Stripe's PaymentIntent id when the event names one (charge and dispute events); MP's payment id.</param>
public sealed record WebhookNotice(
    PaymentProviderKind Provider, string DedupeKey, string EventType, string ResourceId, string? PurchaseId, string? ProviderPaymentId, DateTimeOffset SignedAt);
