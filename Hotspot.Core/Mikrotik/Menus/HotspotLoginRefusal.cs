using Hotspot.RouterOs;

namespace Hotspot.Mikrotik;

/// <summary>Why the hotspot refused a login.</summary>
public enum HotspotLoginRefusal
{
    Other,
    InvalidCredentials,
    UptimeLimitReached,
    MacNotAllowed,
    HostNotFound,
}

/// <summary>The one reader of a refused <c>/ip/hotspot/active/login</c>: RouterOS says why only in the trap's message.</summary>
public static class HotspotLoginRefusals
{
    public static HotspotLoginRefusal Read(IReadOnlyList<RouterOsTrap> traps)
    {
        ArgumentNullException.ThrowIfNull(traps);
        var message = string.Join("; ", traps.Select(t => t.Message));
        return message switch
        {
            _ when traps.Any(t => t.Kind == RouterOsErrorKind.InvalidCredentials) => HotspotLoginRefusal.InvalidCredentials,
            _ when message.Contains("uptime limit", StringComparison.OrdinalIgnoreCase) => HotspotLoginRefusal.UptimeLimitReached,
            _ when message.Contains("mac address is not allowed", StringComparison.OrdinalIgnoreCase) => HotspotLoginRefusal.MacNotAllowed,
            _ when message.Contains("host not found", StringComparison.OrdinalIgnoreCase) => HotspotLoginRefusal.HostNotFound,
            _ => HotspotLoginRefusal.Other,
        };
    }
}
