using Hotspot.Sales.Payments.MercadoPago;
using Hotspot.Sales.Payments.StripeCheckout;
using Hotspot.Sales.Payments.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hotspot.Sales.Payments;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Mercado Pago and Stripe clients (typed HttpClients with a bounded timeout, the Authorization header kept out of
    /// logs), their webhook verifiers, <see cref="PaymentProviders"/> and <see cref="PaymentCredentialStore"/>.
    /// Needs an <see cref="Secrets.ISecretStore"/>.
    /// </summary>
    public static IServiceCollection AddPaymentProviders(this IServiceCollection services, Action<PaymentProviderOptions>? configure = null)
    {
        var options = services.AddOptions<PaymentProviderOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<MercadoPagoPaymentProvider>(MercadoPagoPaymentProvider.HttpClientName, (sp, client) =>
        {
            var settings = sp.GetRequiredService<IOptions<PaymentProviderOptions>>().Value;
            client.BaseAddress = settings.MercadoPagoApiBase;
            client.Timeout = settings.RequestTimeout;
        }).RedactLoggedHeaders(["Authorization"]);
        services.AddHttpClient<StripePaymentProvider>(StripePaymentProvider.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<PaymentProviderOptions>>().Value.RequestTimeout)
            .RedactLoggedHeaders(["Authorization"]);
        services.AddTransient<IPaymentProvider>(sp => sp.GetRequiredService<MercadoPagoPaymentProvider>());
        services.AddTransient<IPaymentProvider>(sp => sp.GetRequiredService<StripePaymentProvider>());
        services.AddSingleton<IWebhookVerifier>(sp => new MercadoPagoWebhookVerifier(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<PaymentProviderOptions>>().Value.WebhookTolerance));
        services.AddSingleton<IWebhookVerifier>(sp => new StripeWebhookVerifier(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<PaymentProviderOptions>>().Value.WebhookTolerance));
        services.AddTransient<PaymentProviders>();
        services.AddSingleton<PaymentCredentialStore>();
        return services;
    }
}
