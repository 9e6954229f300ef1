namespace Hotspot.Simulators.Payments.Webhooks;

/// <summary>
/// One line of the delivery log: what happened to one attempt. Outcome: delivered (2xx), refused (another status),
/// unreachable, dropped (fault), held (delay or reorder fault, or waiting for a retry).
/// </summary>
public sealed record WebhookDelivery(
    long Sequence, string Provider, string EventType, string ResourceId, string RequestId, string Url, int Attempt,
    string Outcome, int? StatusCode, DateTimeOffset At);
