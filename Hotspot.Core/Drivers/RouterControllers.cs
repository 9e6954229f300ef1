using Hotspot.Tenancy.Entities;

namespace Hotspot.Drivers;

/// <summary>The controller for any stored router, by its kind: what services use so that they never branch on the kind.</summary>
public sealed class RouterControllers(IEnumerable<IRouterDriver> drivers)
{
    private readonly Dictionary<string, IRouterDriver> _drivers = drivers.ToDictionary(d => d.Kind, StringComparer.Ordinal);

    /// <summary>Null when this build has no driver for the router's kind.</summary>
    public IGuestAccessController? For(RouterEntity router)
    {
        ArgumentNullException.ThrowIfNull(router);
        return _drivers.TryGetValue(router.Tipo, out var driver) ? driver.Create(router) : null;
    }
}
