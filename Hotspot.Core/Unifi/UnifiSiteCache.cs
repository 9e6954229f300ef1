using System.Collections.Concurrent;

namespace Hotspot.Unifi;

/// <summary>Site ids by (controller URL, internalReference): sites rarely change, every portal request needs one.</summary>
internal sealed class UnifiSiteCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string BaseUrl, string Site), (string SiteId, DateTimeOffset Until)> _entries = new();

    public string? Find(Uri baseUrl, string site) =>
        _entries.TryGetValue(Key(baseUrl, site), out var entry) && entry.Until > time.GetUtcNow() ? entry.SiteId : null;

    public void Remember(Uri baseUrl, string site, string siteId, TimeSpan lifetime) =>
        _entries[Key(baseUrl, site)] = (siteId, time.GetUtcNow() + lifetime);

    public void Forget(Uri baseUrl, string site) => _entries.TryRemove(Key(baseUrl, site), out _);

    private static (string, string) Key(Uri baseUrl, string site) => (baseUrl.AbsoluteUri.TrimEnd('/'), site);
}
