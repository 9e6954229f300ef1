namespace Hotspot.Simulators.Payments.Webhooks;

/// <summary>
/// A notification to send. The body is fixed when the event happens; the signature is made when it is sent, with the
/// simulator's clock, as a provider signs each delivery attempt.
/// </summary>
/// <param name="ResourceId">Mercado Pago's data.id (the payment id); Stripe's event id.</param>
/// <param name="RequestId">Mercado Pago's x-request-id, kept across duplicates and retries of this notification.</param>
public sealed record OutgoingWebhook(
    PaymentProvider Provider, SimulatedAccount Account, Uri Target, string EventType, string ResourceId, string Body, string RequestId);
