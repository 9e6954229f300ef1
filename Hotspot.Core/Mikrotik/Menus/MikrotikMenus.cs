namespace Hotspot.Mikrotik;

/// <summary>The RouterOS menu paths the product uses: the hotspot's and the system's.</summary>
public static class MikrotikMenus
{
    public const string HotspotUsers = "/ip/hotspot/user";
    public const string HotspotUserProfiles = "/ip/hotspot/user/profile";
    public const string HotspotActive = "/ip/hotspot/active";
    public const string HotspotCookies = "/ip/hotspot/cookie";
    public const string HotspotHosts = "/ip/hotspot/host";
    public const string HotspotIpBindings = "/ip/hotspot/ip-binding";
    public const string SystemResource = "/system/resource";
    public const string SystemIdentity = "/system/identity";
}
