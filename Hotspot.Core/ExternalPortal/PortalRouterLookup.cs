using System.Globalization;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.ExternalPortal;

/// <summary>
/// Which router a guest's redirect belongs to. UniFi only lets an operator name the portal's host, so each router gets
/// its own host name whose first label is <c>r{routerId}</c> (e.g. <c>r12.portal.example.com</c>, a wildcard DNS
/// record); a <c>router={id}</c> query parameter, where the portal URL can carry one, takes precedence.
/// </summary>
internal static class PortalRouterLookup
{
    /// <summary>The router id the request names, or null.</summary>
    public static long? IdOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Parse(request.Query["router"].FirstOrDefault()) ?? FromHost(request.Host.Host);
    }

    /// <summary>The router, when it is an active UniFi router.</summary>
    public static async Task<RouterEntity?> FindAsync(long? id, RouterStore routers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routers);
        var router = id is { } routerId ? await routers.GetAsync(routerId, cancellationToken) : null;
        return router is { Activo: true } && Kinds.RouterKindRegistry.For(router) is { ServesExternalPortal: true } ? router : null;
    }

    private static long? FromHost(string host)
    {
        var label = host.Split('.')[0];
        return label.Length > 1 && (label[0] is 'r' or 'R') ? Parse(label[1..]) : null;
    }

    private static long? Parse(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
