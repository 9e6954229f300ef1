using Hotspot.Mikrotik.Kind;
using Hotspot.Radius.Kind;
using Hotspot.Tenancy.Entities;
using Hotspot.Unifi.Kind;

namespace Hotspot.Kinds;

/// <summary>The one place that knows which kinds exist. Kinds are stateless, so lookup needs no instance.</summary>
public sealed class RouterKindRegistry
{
    public static readonly IReadOnlyList<IRouterKind> All = [new MikrotikApiKind(), new MikrotikRadiusKind(), new UnifiKind(), new UnifiSiteManagerKind()];

    /// <summary>The kind of a stored router, or null for a row of a kind this build does not know.</summary>
    public static IRouterKind? For(RouterEntity router)
    {
        ArgumentNullException.ThrowIfNull(router);
        return All.FirstOrDefault(kind => kind.Matches(router));
    }

    /// <summary>The kind a new router asks for; a MikroTik without <c>conexion</c> is the API kind, a UniFi without one the local kind.</summary>
    public static IRouterKind? For(string? tipo, string? conexion) =>
        All.FirstOrDefault(kind => kind.Tipo == tipo && kind.Conexion == (conexion ?? (tipo == Tenancy.RouterKinds.Mikrotik ? MikrotikApiKind.DefaultConexion : null)));

    /// <summary>The <c>tipo</c> values a router may have, each once.</summary>
    public static IEnumerable<string> Tipos => All.Select(kind => kind.Tipo).Distinct();
}
