using Hotspot.ActionApi;
using Hotspot.ExternalPortal;
using Hotspot.PortalLogin;
using Hotspot.Reconnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotspot.Hosting;

/// <summary>The area services behind the routes that portals and routers call (API key or anonymous), one per area.</summary>
internal static class GuestFacingServices
{
    public static void AddGuestFacingServices(this IServiceCollection services)
    {
        services.TryAddSingleton<AutoReconnection>();
        services.TryAddSingleton<PortalLogins>();
        services.TryAddSingleton<RouterActions>();
        services.TryAddSingleton<UnifiGuestAccess>();
        services.TryAddSingleton<UnifiGuestPortal>();
        services.TryAddSingleton<UnifiGuestSales>();
    }
}
