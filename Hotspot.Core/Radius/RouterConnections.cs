using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Radius;

/// <summary>How we reach a MikroTik router: its RouterOS API (we connect to it) or RADIUS (it connects to FreeRADIUS).</summary>
public static class RouterConnections
{
    public const string Api = "api";
    public const string Radius = "radius";

    public static bool IsRadius(RouterEntity router)
    {
        ArgumentNullException.ThrowIfNull(router);
        return router.Tipo == RouterKinds.Mikrotik && router.Conexion == Radius;
    }
}
