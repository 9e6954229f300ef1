namespace Hotspot.Sales.Payments;

/// <summary>Why a provider call failed, in terms the engine acts on.</summary>
public enum PaymentFailure
{
    /// <summary>5xx, timeout, connection refused: the outcome is unknown; retry later with the same idempotency key (503 + Retry-After).</summary>
    Unavailable,

    /// <summary>The provider refused our credentials: the company's configuration is wrong.</summary>
    BadCredentials,

    /// <summary>The provider refused the request itself (validation, nothing left to refund, reused key with other parameters).</summary>
    Refused,

    /// <summary>The provider does not know the object.</summary>
    NotFound,
}

/// <summary>A provider call that did not succeed. The message is safe to log: it never holds a key or a secret.</summary>
public sealed class PaymentProviderException(PaymentProviderKind provider, PaymentFailure failure, string message, Exception? inner = null)
    : Exception($"{PaymentProviderNames.Of(provider)}: {message}", inner)
{
    public PaymentProviderKind Provider { get; } = provider;

    public PaymentFailure Failure { get; } = failure;
}
