using System.Collections.Concurrent;
using Hotspot.Drivers;

namespace Hotspot.Unifi;

/// <summary>
/// Client ids by (controller URL, site id, MAC), with whether the client is a guest: an authorization, a status read
/// and a revocation then go straight to the client, one lookup fewer each (which counts behind the connector's
/// rate limit). An id the controller no longer knows is forgotten and looked up again.
/// </summary>
internal sealed class UnifiClientCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string BaseUrl, string SiteId, MacAddress Mac), Entry> _entries = new();

    public CachedClient? Find(Uri baseUrl, string siteId, MacAddress mac) =>
        _entries.TryGetValue(Key(baseUrl, siteId, mac), out var entry) && entry.Until > time.GetUtcNow() ? entry.Client : null;

    public void Remember(Uri baseUrl, string siteId, MacAddress mac, CachedClient client, TimeSpan lifetime) =>
        _entries[Key(baseUrl, siteId, mac)] = new Entry(client, time.GetUtcNow() + lifetime);

    public void Forget(Uri baseUrl, string siteId, MacAddress mac) => _entries.TryRemove(Key(baseUrl, siteId, mac), out _);

    private static (string, string, MacAddress) Key(Uri baseUrl, string siteId, MacAddress mac) => (baseUrl.AbsoluteUri.TrimEnd('/'), siteId, mac);

    private sealed record Entry(CachedClient Client, DateTimeOffset Until);
}

/// <summary>What a lookup by MAC found that does not change while the device stays: its id and whether it is a guest.</summary>
internal sealed record CachedClient(string Id, bool IsGuest);
