namespace Hotspot.Simulators.Payments;

/// <summary>
/// A Mercado Pago preference or a Stripe Checkout Session: what the merchant asked for and where the buyer goes back to.
/// Mutated only under the ledger's lock.
/// </summary>
public sealed class SimulatedCheckout
{
    public required string Id { get; init; }

    public required PaymentProvider Provider { get; init; }

    public required SimulatedAccount Account { get; init; }

    /// <summary>Mercado Pago's external_reference, Stripe's client_reference_id.</summary>
    public string? ExternalReference { get; init; }

    public required string Title { get; init; }

    /// <summary>In the provider's wire unit: Mercado Pago decimal units, Stripe the currency's minor unit.</summary>
    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public Uri? SuccessUrl { get; init; }

    /// <summary>Mercado Pago's back_urls.failure, Stripe's cancel_url.</summary>
    public Uri? FailureUrl { get; init; }

    public Uri? PendingUrl { get; init; }

    public Uri? NotificationUrl { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Stripe's payment_intent_data.metadata, copied onto the PaymentIntent.</summary>
    public IReadOnlyDictionary<string, string> PaymentMetadata { get; init; } = new Dictionary<string, string>();

    public string? CustomerEmail { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>open, complete or expired (Stripe's words; a Mercado Pago preference stays open for more attempts).</summary>
    public string Status { get; set; } = "open";

    public List<string> PaymentIds { get; } = [];
}
