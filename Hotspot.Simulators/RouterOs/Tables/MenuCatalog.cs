namespace Hotspot.Simulators.RouterOs;

/// <summary>The menus the simulator knows, with their writable properties and defaults as RouterOS has them.</summary>
internal static class MenuCatalog
{
    public const string Users = "/ip/hotspot/user";
    public const string Profiles = "/ip/hotspot/user/profile";
    public const string Active = "/ip/hotspot/active";
    public const string Cookies = "/ip/hotspot/cookie";
    public const string Hosts = "/ip/hotspot/host";
    public const string IpBindings = "/ip/hotspot/ip-binding";
    public const string Resource = "/system/resource";
    public const string Identity = "/system/identity";

    public static Dictionary<string, SimMenu> Create() => new[]
    {
        new SimMenu
        {
            Path = Users, NameProperty = "name", CanAdd = true, CanSet = true, CanRemove = true,
            Writable = Set("name", "password", "profile", "server", "mac-address", "limit-uptime", "limit-bytes-in", "limit-bytes-out",
                "limit-bytes-total", "address", "email", "comment", "disabled"),
            Booleans = Set("disabled"),
            Defaults = Map(("server", "all"), ("profile", "default"), ("uptime", "0s"), ("bytes-in", "0"), ("bytes-out", "0"),
                ("packets-in", "0"), ("packets-out", "0"), ("dynamic", "false"), ("disabled", "false")),
        },
        new SimMenu
        {
            Path = Profiles, NameProperty = "name", CanAdd = true, CanSet = true, CanRemove = true,
            Writable = Set("name", "shared-users", "rate-limit", "session-timeout", "idle-timeout", "keepalive-timeout", "add-mac-cookie",
                "mac-cookie-timeout", "address-list", "on-login", "on-logout", "status-autorefresh", "transparent-proxy"),
            Booleans = Set("add-mac-cookie", "transparent-proxy"),
            Defaults = Map(("shared-users", "1"), ("idle-timeout", "none"), ("keepalive-timeout", "2m"), ("add-mac-cookie", "true"),
                ("mac-cookie-timeout", "3d"), ("status-autorefresh", "1m"), ("transparent-proxy", "false")),
        },
        new SimMenu { Path = Active, CanRemove = true },
        new SimMenu { Path = Cookies, CanRemove = true },
        new SimMenu { Path = Hosts },
        new SimMenu
        {
            Path = IpBindings, CanAdd = true, CanSet = true, CanRemove = true,
            Writable = Set("address", "mac-address", "server", "to-address", "type", "comment", "disabled"),
            Booleans = Set("disabled"),
            Defaults = Map(("server", "all"), ("type", "regular"), ("disabled", "false")),
        },
        new SimMenu { Path = Resource, Single = true },
        new SimMenu { Path = Identity, Single = true, CanSet = true, Writable = Set("name") },
    }.ToDictionary(m => m.Path, StringComparer.Ordinal);

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);

    private static Dictionary<string, string> Map(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}
