using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotspot.Sales.Purchases;

public static class PurchasesServiceCollectionExtensions
{
    /// <summary>The purchase tables (<see cref="CompraStore"/> and the engine's own).</summary>
    public static IServiceCollection AddPurchases(this IServiceCollection services)
    {
        services.TryAddSingleton<CompraStore>();
        services.TryAddSingleton<CompraClaims>();
        services.TryAddSingleton<CompraWorkList>();
        services.TryAddSingleton<PaymentEventLog>();
        return services;
    }
}
