using Hotspot.Secrets;

namespace Hotspot.Sales.Payments;

/// <summary>Reads and writes a company's provider credentials in the secret store.</summary>
public sealed class PaymentCredentialStore(ISecretStore secrets)
{
    /// <summary>The account to call the provider with, or null when the company has not configured this provider.</summary>
    public async Task<PaymentAccount?> GetAccountAsync(long empresaId, PaymentProviderKind provider, CancellationToken cancellationToken) =>
        await secrets.GetAsync(PaymentSecretNames.ApiKey(empresaId, provider), cancellationToken) is { Length: > 0 } apiKey
            ? new PaymentAccount(empresaId, provider, apiKey)
            : null;

    /// <summary>The providers the company has configured (an API key stored), in the enum's order: what its portal offers.</summary>
    public async Task<IReadOnlyList<PaymentProviderKind>> EnabledProvidersAsync(long empresaId, CancellationToken cancellationToken)
    {
        var enabled = new List<PaymentProviderKind>();
        foreach (var provider in Enum.GetValues<PaymentProviderKind>())
        {
            if (await GetAccountAsync(empresaId, provider, cancellationToken) is not null)
            {
                enabled.Add(provider);
            }
        }

        return enabled;
    }

    /// <summary>
    /// The webhook secrets to accept, newest first: after a rotation the previous one stays valid for a while, so
    /// notifications already signed with it are not refused. Empty when none is configured (then every webhook is refused).
    /// </summary>
    public async Task<IReadOnlyList<string>> GetWebhookSecretsAsync(long empresaId, PaymentProviderKind provider, CancellationToken cancellationToken) =>
        [.. (await secrets.GetVersionsAsync(PaymentSecretNames.WebhookSecret(empresaId, provider), cancellationToken)).Select(v => v.Value).Where(v => v.Length > 0)];

    public async Task SetAsync(long empresaId, PaymentProviderKind provider, string apiKey, string webhookSecret, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentException.ThrowIfNullOrEmpty(webhookSecret);
        await secrets.SetAsync(PaymentSecretNames.ApiKey(empresaId, provider), apiKey, cancellationToken);
        await secrets.SetAsync(PaymentSecretNames.WebhookSecret(empresaId, provider), webhookSecret, cancellationToken);
    }
}
