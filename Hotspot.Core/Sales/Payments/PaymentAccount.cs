namespace Hotspot.Sales.Payments;

/// <summary>
/// One company's credentials at one provider, read from the secret store for a call and then dropped. Its text form
/// names the company and provider only, so logging it never leaks a key.
/// </summary>
public sealed class PaymentAccount(long empresaId, PaymentProviderKind provider, string apiKey)
{
    public long EmpresaId { get; } = empresaId;

    public PaymentProviderKind Provider { get; } = provider;

    /// <summary>Mercado Pago access token or Stripe secret key.</summary>
    public string ApiKey { get; } = apiKey;

    public override string ToString() => $"{PaymentProviderNames.Of(Provider)} account of empresa {EmpresaId}";
}
