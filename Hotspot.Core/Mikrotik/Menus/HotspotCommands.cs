using Hotspot.RouterOs;

namespace Hotspot.Mikrotik;

/// <summary>A new hotspot user; unset options keep the router's defaults.</summary>
public sealed record NewHotspotUser(string Name, string Password)
{
    public string? Profile { get; init; }
    public string? Server { get; init; }
    public string? MacAddress { get; init; }
    public TimeSpan? LimitUptime { get; init; }
    public string? Comment { get; init; }
}

/// <summary>A new hotspot user profile.</summary>
public sealed record NewHotspotUserProfile(string Name)
{
    public int? SharedUsers { get; init; }
    public string? RateLimit { get; init; }
    public TimeSpan? SessionTimeout { get; init; }
    public bool? AddMacCookie { get; init; }
    public TimeSpan? MacCookieTimeout { get; init; }
}

/// <summary>Commands for the hotspot menus, ready to send alone or together in one round trip.</summary>
public static class HotspotCommands
{
    public static RouterOsCommand FindUser(string name) =>
        RouterOsCommand.Print(MikrotikMenus.HotspotUsers, RouterOsQuery.Create().Equal("name", name));

    public static RouterOsCommand AddUser(NewHotspotUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new RouterOsCommand(MikrotikMenus.HotspotUsers + "/add")
            .With("name", user.Name)
            .With("password", user.Password)
            .WithOptional("profile", user.Profile)
            .WithOptional("server", user.Server)
            .WithOptional("mac-address", user.MacAddress)
            .WithOptional("limit-uptime", user.LimitUptime is { } l ? RouterOsDuration.Format(l) : null)
            .WithOptional("comment", user.Comment);
    }

    public static RouterOsCommand AddUserProfile(NewHotspotUserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new RouterOsCommand(MikrotikMenus.HotspotUserProfiles + "/add")
            .With("name", profile.Name)
            .WithOptional("shared-users", profile.SharedUsers?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithOptional("rate-limit", profile.RateLimit)
            .WithOptional("session-timeout", profile.SessionTimeout is { } s ? RouterOsDuration.Format(s) : null)
            .WithOptional("add-mac-cookie", profile.AddMacCookie is { } c ? RouterOsBool.Format(c) : null)
            .WithOptional("mac-cookie-timeout", profile.MacCookieTimeout is { } t ? RouterOsDuration.Format(t) : null);
    }

    /// <summary>Logs a device in as <paramref name="user"/>; the device must be in the host table.</summary>
    public static RouterOsCommand LoginActive(string user, string password, string ip, string macAddress) =>
        new RouterOsCommand(MikrotikMenus.HotspotActive + "/login")
            .With("user", user).With("password", password).With("ip", ip).With("mac-address", macAddress);

    public static RouterOsCommand CookiesOf(string macAddress) =>
        RouterOsCommand.Print(MikrotikMenus.HotspotCookies, RouterOsQuery.Create().Equal("mac-address", macAddress));

    public static RouterOsCommand ActiveOf(string macAddress) =>
        RouterOsCommand.Print(MikrotikMenus.HotspotActive, RouterOsQuery.Create().Equal("mac-address", macAddress));

    public static RouterOsCommand HostOf(string macAddress) =>
        RouterOsCommand.Print(MikrotikMenus.HotspotHosts, RouterOsQuery.Create().Equal("mac-address", macAddress));
}
