using System.Globalization;

namespace Hotspot.Sales.Payments;

/// <summary>
/// Where each company's provider credentials live in the secret store (<see cref="Secrets.ISecretStore"/>): Key Vault
/// names, letters, digits and '-'. Write-only from the admin API; never in a table, a response or a log.
/// </summary>
public static class PaymentSecretNames
{
    /// <summary>Mercado Pago access token or Stripe secret key: <c>empresa-7-mercado-pago-api-key</c>.</summary>
    public static string ApiKey(long empresaId, PaymentProviderKind provider) => Name(empresaId, provider, "api-key");

    /// <summary>Mercado Pago's webhook secret or Stripe's endpoint secret (whsec_…): <c>empresa-7-stripe-webhook-secret</c>.</summary>
    public static string WebhookSecret(long empresaId, PaymentProviderKind provider) => Name(empresaId, provider, "webhook-secret");

    private static string Name(long empresaId, PaymentProviderKind provider, string what) => string.Create(
        CultureInfo.InvariantCulture, $"empresa-{empresaId}-{PaymentProviderNames.Of(provider).Replace('_', '-')}-{what}");
}
