using Hotspot.RouterOs;

namespace Hotspot.Mikrotik;

/// <summary>Typed reads and writes of the hotspot and system menus over any <see cref="IRouterOsClient"/>.</summary>
public static class HotspotClientExtensions
{
    public static async Task<IReadOnlyList<T>> PrintAsync<T>(this IRouterOsClient client, string menu, RouterOsQuery? query, Func<RouterOsRow, T> parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = (await client.SendAsync(RouterOsCommand.Print(menu, query), cancellationToken)).EnsureSuccess();
        return [.. response.Rows.Select(parse)];
    }

    public static Task<IReadOnlyList<HotspotUser>> GetHotspotUsersAsync(this IRouterOsClient client, RouterOsQuery? query, CancellationToken cancellationToken) =>
        client.PrintAsync(MikrotikMenus.HotspotUsers, query, HotspotUser.From, cancellationToken);

    public static async Task<HotspotUser?> FindHotspotUserAsync(this IRouterOsClient client, string name, CancellationToken cancellationToken)
    {
        var users = await client.GetHotspotUsersAsync(RouterOsQuery.Create().Equal("name", name), cancellationToken);
        return users.Count > 0 ? users[0] : null;
    }

    /// <summary>Adds the user and returns its id.</summary>
    public static async Task<string> AddHotspotUserAsync(this IRouterOsClient client, NewHotspotUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (await client.SendAsync(HotspotCommands.AddUser(user), cancellationToken)).EnsureSuccess().Ret ?? string.Empty;
    }

    public static async Task<string> AddHotspotUserProfileAsync(this IRouterOsClient client, NewHotspotUserProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (await client.SendAsync(HotspotCommands.AddUserProfile(profile), cancellationToken)).EnsureSuccess().Ret ?? string.Empty;
    }

    public static Task<IReadOnlyList<HotspotUserProfile>> GetHotspotUserProfilesAsync(this IRouterOsClient client, RouterOsQuery? query, CancellationToken cancellationToken) =>
        client.PrintAsync(MikrotikMenus.HotspotUserProfiles, query, HotspotUserProfile.From, cancellationToken);

    public static Task<IReadOnlyList<HotspotActiveSession>> GetHotspotActiveAsync(this IRouterOsClient client, RouterOsQuery? query, CancellationToken cancellationToken) =>
        client.PrintAsync(MikrotikMenus.HotspotActive, query, HotspotActiveSession.From, cancellationToken);

    public static Task<IReadOnlyList<HotspotCookie>> GetHotspotCookiesAsync(this IRouterOsClient client, RouterOsQuery? query, CancellationToken cancellationToken) =>
        client.PrintAsync(MikrotikMenus.HotspotCookies, query, HotspotCookie.From, cancellationToken);

    public static Task<IReadOnlyList<HotspotHost>> GetHotspotHostsAsync(this IRouterOsClient client, RouterOsQuery? query, CancellationToken cancellationToken) =>
        client.PrintAsync(MikrotikMenus.HotspotHosts, query, HotspotHost.From, cancellationToken);

    public static Task<IReadOnlyList<HotspotIpBinding>> GetHotspotIpBindingsAsync(this IRouterOsClient client, RouterOsQuery? query, CancellationToken cancellationToken) =>
        client.PrintAsync(MikrotikMenus.HotspotIpBindings, query, HotspotIpBinding.From, cancellationToken);

    public static async Task LoginHotspotDeviceAsync(this IRouterOsClient client, string user, string password, string ip, string macAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        (await client.SendAsync(HotspotCommands.LoginActive(user, password, ip, macAddress), cancellationToken)).EnsureSuccess();
    }

    public static async Task SetAsync(this IRouterOsClient client, string menu, string id, IEnumerable<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        (await client.SendAsync(RouterOsCommand.Set(menu, id, values), cancellationToken)).EnsureSuccess();
    }

    public static async Task RemoveAsync(this IRouterOsClient client, string menu, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        (await client.SendAsync(RouterOsCommand.Remove(menu, ids), cancellationToken)).EnsureSuccess();
    }

    public static async Task<SystemResource> GetSystemResourceAsync(this IRouterOsClient client, CancellationToken cancellationToken) =>
        (await client.PrintAsync(MikrotikMenus.SystemResource, null, SystemResource.From, cancellationToken))[0];

    public static async Task<string> GetIdentityAsync(this IRouterOsClient client, CancellationToken cancellationToken) =>
        (await client.PrintAsync(MikrotikMenus.SystemIdentity, null, r => r["name"] ?? string.Empty, cancellationToken))[0];
}
