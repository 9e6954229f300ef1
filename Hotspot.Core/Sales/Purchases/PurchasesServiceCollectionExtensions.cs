using Hotspot.Sales.Payments;
using Hotspot.Sales.Provisioning;
using Hotspot.Sales.Purchases.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotspot.Sales.Purchases;

public static class PurchasesServiceCollectionExtensions
{
    /// <summary>
    /// The purchase tables, the engine, the portal, webhook and admin services, the reconciler timer, and the payment
    /// providers with their settings (<see cref="PaymentProviderOptions.Section"/>, <see cref="PurchaseOptions.Section"/>).
    /// </summary>
    public static IServiceCollection AddPurchases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPaymentProviders();
        services.AddOptions<PaymentProviderOptions>().Bind(configuration.GetSection(PaymentProviderOptions.Section))
            .Validate(o => o.RequestTimeout > TimeSpan.Zero && o.WebhookTolerance > TimeSpan.Zero, $"{PaymentProviderOptions.Section}: RequestTimeout and WebhookTolerance are positive.")
            .ValidateOnStart();
        services.AddOptions<PurchaseOptions>().Bind(configuration.GetSection(PurchaseOptions.Section))
            .Validate(o => o.CheckoutMinutes is >= 30 and <= 24 * 60, $"{PurchaseOptions.Section}:CheckoutMinutes is between 30 and 1440 (Stripe's limits).")
            .Validate(o => o.ProviderPollSeconds >= 0, $"{PurchaseOptions.Section}:ProviderPollSeconds is 0 or more.")
            .ValidateOnStart();
        services.TryAddSingleton<CompraStore>();
        services.TryAddSingleton<CompraClaims>();
        services.TryAddSingleton<CompraWorkList>();
        services.TryAddSingleton<PaymentEventLog>();
        services.TryAddSingleton<PurchaseSteps>();
        services.TryAddSingleton<PurchaseRows>();
        services.TryAddSingleton<PurchaseTruth>();
        services.TryAddSingleton<ExtraPaymentRefunds>();
        services.TryAddSingleton<PurchaseFulfilment>();
        services.TryAddSingleton<PurchaseEngine>();
        services.TryAddSingleton<PurchaseUrls>();
        services.TryAddSingleton<PurchaseCheckout>();
        services.TryAddSingleton<PurchaseStatus>();
        services.TryAddSingleton<PurchaseAbandon>();
        services.TryAddSingleton<ProviderAskGate>();
        services.TryAddSingleton<PurchaseLimits>();
        services.TryAddSingleton<PurchaseWebhooks>();
        services.TryAddSingleton<PurchaseRefunds>();
        services.TryAddSingleton<PaymentSettings>();
        services.TryAddSingleton<PurchaseReconciler>();
        services.AddSingleton<Timers.ITimerJob>(sp => sp.GetRequiredService<PurchaseReconciler>());
        return services;
    }
}
