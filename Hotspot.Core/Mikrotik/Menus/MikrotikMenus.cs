namespace Hotspot.RouterOs;

/// <summary>The menu paths the product uses.</summary>
public static class RouterOsMenus
{
    public const string HotspotUsers = "/ip/hotspot/user";
    public const string HotspotUserProfiles = "/ip/hotspot/user/profile";
    public const string HotspotActive = "/ip/hotspot/active";
    public const string HotspotCookies = "/ip/hotspot/cookie";
    public const string HotspotHosts = "/ip/hotspot/host";
    public const string HotspotIpBindings = "/ip/hotspot/ip-binding";
    public const string SystemResource = "/system/resource";
    public const string SystemIdentity = "/system/identity";

    public static RouterOsCommand Print(string menu, RouterOsQuery? query = null)
    {
        var command = new RouterOsCommand(menu + "/print");
        return query is null ? command : command.Where(query);
    }

    /// <summary>Items by id, or by name where the menu allows it, several at once.</summary>
    public static RouterOsCommand Remove(string menu, IEnumerable<string> ids) =>
        new RouterOsCommand(menu + "/remove").With(".id", string.Join(',', ids));

    public static RouterOsCommand Set(string menu, string id, IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var command = new RouterOsCommand(menu + "/set").With(".id", id);
        foreach (var (name, value) in values)
        {
            command.With(name, value);
        }

        return command;
    }
}
