using System.Collections.Concurrent;
using Hotspot.RouterOs;

namespace Hotspot.Reconnect;

/// <summary>Each router's RouterOS version, read once (in the same round trip as the first user lookup) and kept.</summary>
public sealed class RouterVersionCache
{
    private readonly ConcurrentDictionary<long, RouterOsVersion> _versions = new();

    public RouterOsVersion? Get(long routerId) => _versions.GetValueOrDefault(routerId);

    public void Set(long routerId, RouterOsVersion version) => _versions[routerId] = version;

    /// <summary>After a router failed: it may have been upgraded, so its version is read again next time.</summary>
    public void Forget(long routerId) => _versions.TryRemove(routerId, out _);
}
