namespace Hotspot.Sales.Payments.Webhooks;

/// <summary>Checks a provider's webhook signature on the raw request, then reads what it is about.</summary>
public interface IWebhookVerifier
{
    PaymentProviderKind Kind { get; }

    /// <summary>
    /// Valid when the signature matches one of <paramref name="secrets"/> (newest first, to survive a rotation) and
    /// its timestamp is within the tolerance of now. Compares in constant time.
    /// </summary>
    WebhookVerification Verify(WebhookRequest request, IReadOnlyList<string> secrets);
}
