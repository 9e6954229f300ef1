using System.Collections.Concurrent;
using Hotspot.Drivers;

namespace Hotspot.Reconnect;

/// <summary>
/// The devices this instance answered "conectado" lately. A device among them is most likely still online, so its
/// reconnect reads the router first and takes no lease unless the reading asks for one (0 table requests when it is
/// online). Any other device most likely needs a login, so its lease is taken while the router is read, which takes
/// the table write off the answer's path. A wrong guess costs time or a lease taken and released, never correctness:
/// the lease protocol is the same either way.
/// </summary>
public sealed class RecentlyConnected(TimeProvider time)
{
    /// <summary>RouterOS's default hotspot keepalive-timeout: a device that left is logged out after it.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(2);

    private const int PruneAbove = 200_000;
    private readonly ConcurrentDictionary<(long RouterId, MacAddress Mac), DateTimeOffset> _connectedAt = new();

    public bool ProbablyOnline(long routerId, MacAddress mac) =>
        _connectedAt.TryGetValue((routerId, mac), out var at) && time.GetUtcNow() - at < Window;

    public void Connected(long routerId, MacAddress mac)
    {
        var now = time.GetUtcNow();
        _connectedAt[(routerId, mac)] = now;
        if (_connectedAt.Count > PruneAbove)
        {
            foreach (var (key, at) in _connectedAt)
            {
                if (now - at >= Window)
                {
                    _connectedAt.TryRemove(key, out _);
                }
            }

            if (_connectedAt.Count > PruneAbove)
            {
                // More devices at once than one instance serves: forgetting only costs a lease taken early.
                _connectedAt.Clear();
            }
        }
    }
}
