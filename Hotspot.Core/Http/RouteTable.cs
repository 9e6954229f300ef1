using Hotspot.Health;

namespace Hotspot.Http;

/// <summary>
/// Every HTTP endpoint of Hotspot, in one place. The DevHost maps this table; Hotspot.Functions binds one
/// function per entry (a parity test keeps the two in step). Paths are absolute: Functions runs with an empty
/// route prefix so that routes outside /api (UniFi's /guest/s/{site}/) are possible.
/// </summary>
public static class RouteTable
{
    public static readonly HotspotRoute Health =
        new("Health", ["GET"], "/api/health", AuthKind.Anonymous, HealthEndpoint.GetAsync);

    public static IReadOnlyList<HotspotRoute> All { get; } =
    [
        Health,
    ];
}
