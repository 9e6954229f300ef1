using Hotspot.Sales.Payments.Webhooks;

namespace Hotspot.Sales.Payments;

/// <summary>The provider clients and webhook verifiers by kind: what a purchase's <c>proveedor</c> resolves to.</summary>
public sealed class PaymentProviders(IEnumerable<IPaymentProvider> providers, IEnumerable<IWebhookVerifier> verifiers)
{
    private readonly Dictionary<PaymentProviderKind, IPaymentProvider> _providers = providers.ToDictionary(p => p.Kind);
    private readonly Dictionary<PaymentProviderKind, IWebhookVerifier> _verifiers = verifiers.ToDictionary(v => v.Kind);

    public IPaymentProvider Provider(PaymentProviderKind kind) => _providers[kind];

    public IWebhookVerifier Verifier(PaymentProviderKind kind) => _verifiers[kind];
}
