using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotspot.Radius;

public static class RadiusServiceCollectionExtensions
{
    /// <summary>The routes FreeRADIUS calls and the tables behind them.</summary>
    public static IServiceCollection AddRadius(this IServiceCollection services)
    {
        services.TryAddSingleton<RadiusRestSecret>();
        services.TryAddSingleton<RadiusStore>();
        services.TryAddSingleton<RadiusRouters>();
        services.TryAddSingleton<RadiusDeviceLogins>();
        services.TryAddSingleton<RadiusVouchers>();
        services.TryAddSingleton<RadiusAuthorization>();
        services.TryAddSingleton<RadiusAccounting>();
        services.TryAddSingleton<RadiusReconnection>();
        return services;
    }
}
