using Hotspot.RouterOs;

namespace Hotspot.Mikrotik;

/// <summary>A row of <c>/ip/hotspot/user</c>.</summary>
public sealed record HotspotUser(string Id, string Name)
{
    public string? Password { get; init; }
    public string Profile { get; init; } = "default";
    public string? Server { get; init; }
    public string? MacAddress { get; init; }
    public TimeSpan? LimitUptime { get; init; }
    public TimeSpan Uptime { get; init; }
    public long BytesIn { get; init; }
    public long BytesOut { get; init; }
    public string? Comment { get; init; }
    public bool Disabled { get; init; }

    public static HotspotUser From(RouterOsRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id ?? string.Empty, row["name"] ?? string.Empty)
        {
            Password = row["password"],
            Profile = row["profile"] ?? "default",
            Server = row["server"],
            MacAddress = row["mac-address"],
            LimitUptime = row.GetDuration("limit-uptime"),
            Uptime = row.GetDuration("uptime") ?? TimeSpan.Zero,
            BytesIn = row.GetLong("bytes-in") ?? 0,
            BytesOut = row.GetLong("bytes-out") ?? 0,
            Comment = row["comment"],
            Disabled = row.GetBool("disabled") ?? false,
        };
    }
}

/// <summary>A row of <c>/ip/hotspot/user/profile</c>.</summary>
public sealed record HotspotUserProfile(string Id, string Name)
{
    public int? SharedUsers { get; init; }
    public string? RateLimit { get; init; }
    public TimeSpan? SessionTimeout { get; init; }
    public bool AddMacCookie { get; init; }
    public TimeSpan? MacCookieTimeout { get; init; }

    public static HotspotUserProfile From(RouterOsRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id ?? string.Empty, row["name"] ?? string.Empty)
        {
            SharedUsers = (int?)row.GetLong("shared-users"),
            RateLimit = row["rate-limit"],
            SessionTimeout = row.GetDuration("session-timeout"),
            AddMacCookie = row.GetBool("add-mac-cookie") ?? false,
            MacCookieTimeout = row.GetDuration("mac-cookie-timeout"),
        };
    }
}

/// <summary>A row of <c>/ip/hotspot/active</c>: a logged-in device.</summary>
public sealed record HotspotActiveSession(string Id, string User, string? Address, string? MacAddress)
{
    public string? LoginBy { get; init; }
    public TimeSpan Uptime { get; init; }
    public TimeSpan? SessionTimeLeft { get; init; }
    public long BytesIn { get; init; }
    public long BytesOut { get; init; }

    public static HotspotActiveSession From(RouterOsRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id ?? string.Empty, row["user"] ?? string.Empty, row["address"], row["mac-address"])
        {
            LoginBy = row["login-by"],
            Uptime = row.GetDuration("uptime") ?? TimeSpan.Zero,
            SessionTimeLeft = row.GetDuration("session-time-left"),
            BytesIn = row.GetLong("bytes-in") ?? 0,
            BytesOut = row.GetLong("bytes-out") ?? 0,
        };
    }
}

/// <summary>A row of <c>/ip/hotspot/cookie</c> (read-only; removable).</summary>
public sealed record HotspotCookie(string Id, string User, string? MacAddress, TimeSpan? ExpiresIn)
{
    public static HotspotCookie From(RouterOsRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id ?? string.Empty, row["user"] ?? string.Empty, row["mac-address"], row.GetDuration("expires-in"));
    }
}

/// <summary>A row of <c>/ip/hotspot/host</c>: a device seen on the hotspot network.</summary>
public sealed record HotspotHost(string Id, string? MacAddress, string? Address)
{
    public bool Authorized { get; init; }
    public bool Bypassed { get; init; }
    public string? Server { get; init; }

    public static HotspotHost From(RouterOsRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id ?? string.Empty, row["mac-address"], row["address"])
        {
            Authorized = row.GetBool("authorized") ?? false,
            Bypassed = row.GetBool("bypassed") ?? false,
            Server = row["server"],
        };
    }
}

/// <summary>A row of <c>/ip/hotspot/ip-binding</c>.</summary>
public sealed record HotspotIpBinding(string Id, string? MacAddress, string? Address, string Type)
{
    public string? Comment { get; init; }
    public bool Disabled { get; init; }

    public static HotspotIpBinding From(RouterOsRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id ?? string.Empty, row["mac-address"], row["address"], row["type"] ?? "regular")
        {
            Comment = row["comment"],
            Disabled = row.GetBool("disabled") ?? false,
        };
    }
}

/// <summary><c>/system/resource</c>: the version decides what a router supports.</summary>
public sealed record SystemResource(RouterOsVersion Version, TimeSpan Uptime, string? BoardName)
{
    public static SystemResource From(RouterOsRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(RouterOsVersion.Parse(row["version"] ?? string.Empty), row.GetDuration("uptime") ?? TimeSpan.Zero, row["board-name"]);
    }
}
