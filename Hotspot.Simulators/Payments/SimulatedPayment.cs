namespace Hotspot.Simulators.Payments;

/// <summary>
/// One payment attempt: a Mercado Pago payment, or a Stripe PaymentIntent with its charge. Mutated only under the
/// ledger's lock.
/// </summary>
public sealed class SimulatedPayment
{
    public required string Id { get; init; }

    /// <summary>Stripe's charge id (ch_…); null for Mercado Pago.</summary>
    public string? ChargeId { get; set; }

    public required string CheckoutId { get; init; }

    public required PaymentProvider Provider { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary>Mercado Pago: approved, pending, rejected, refunded, charged_back, in_mediation. Stripe (PaymentIntent): succeeded, processing, requires_payment_method.</summary>
    public required string Status { get; set; }

    public required string StatusDetail { get; set; }

    /// <summary>credit_card, or ticket/customer_balance for cash-like methods that settle later.</summary>
    public required string PaymentType { get; init; }

    public decimal AmountRefunded { get; set; }

    public string? DisputeId { get; set; }

    /// <summary>Stripe's dispute status: needs_response while open, then won or lost. Null when never disputed.</summary>
    public string? DisputeStatus { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<SimulatedRefund> Refunds { get; } = [];
}

public sealed record SimulatedRefund(string Id, string PaymentId, decimal Amount, DateTimeOffset CreatedAt);
