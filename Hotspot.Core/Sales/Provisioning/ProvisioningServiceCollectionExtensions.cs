using Hotspot.Sales.Provisioning.Mikrotik;
using Hotspot.Sales.Provisioning.Radius;
using Hotspot.Sales.Provisioning.Unifi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotspot.Sales.Provisioning;

public static class ProvisioningServiceCollectionExtensions
{
    /// <summary>Purchase credentials and the provisioner of each router kind, behind one <see cref="IPurchaseProvisioner"/>.</summary>
    public static IServiceCollection AddPurchaseProvisioning(this IServiceCollection services)
    {
        services.TryAddSingleton<PurchaseCredentialKey>();
        services.TryAddSingleton<PurchaseCredentials>();
        services.TryAddSingleton<MikrotikPurchaseProvisioner>();
        services.TryAddSingleton<PurchaseEntitlements>();
        services.TryAddSingleton<UnifiPurchaseProvisioner>();
        services.TryAddSingleton<RadiusPurchaseProvisioner>();
        services.TryAddSingleton<IPurchaseProvisioner, PurchaseProvisioner>();
        return services;
    }
}
