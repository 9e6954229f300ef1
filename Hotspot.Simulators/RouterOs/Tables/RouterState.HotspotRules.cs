using System.Globalization;
using Hotspot.RouterOs;

namespace Hotspot.Simulators.RouterOs;

/// <summary>
/// The hotspot's own rules: unique users per server, known profiles, logins that need a host entry and leave a cookie,
/// and sessions that the clock ends at <c>limit-uptime</c> or <c>session-timeout</c>, adding their uptime to the user.
/// </summary>
public sealed partial class RouterState
{
    private const long BytesInPerSecond = 1_000;
    private const long BytesOutPerSecond = 4_000;

    /// <summary>
    /// A device joins the hotspot network (it appears in <c>/ip/hotspot/host</c>). A device that was already there
    /// joins afresh: its session ends, as when a device reconnects to a router.
    /// </summary>
    public void AddHost(string macAddress, string address)
    {
        var mac = WrittenValues.Mac(macAddress) ?? throw new ArgumentException(WrittenValues.InvalidMac, nameof(macAddress));
        lock (_gate)
        {
            var now = Clock.Now;
            foreach (var session in Menu(MenuCatalog.Active).Rows.Where(a => SameMac(a["mac-address"], mac)).ToList())
            {
                EndSession(session, now - session.Created, Radius.TerminateCause.LostCarrier);
            }

            var hosts = Menu(MenuCatalog.Hosts);
            hosts.Rows.RemoveAll(h => SameMac(h["mac-address"], mac));
            var host = hosts.NewRow(now);
            host["mac-address"] = mac;
            host["address"] = address;
            host["to-address"] = address;
            host["server"] = "hotspot1";
            host["authorized"] = "false";
            host["bypassed"] = "false";
        }
    }

    /// <summary>
    /// A device stops (or resumes) sending traffic: while quiet, its host entry and session report a growing
    /// <c>idle-time</c> and their byte counters stand still.
    /// </summary>
    public void SetQuiet(string macAddress, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(macAddress);
        lock (_gate)
        {
            var mac = WrittenValues.Mac(macAddress) ?? macAddress.ToUpperInvariant();
            if (quiet)
            {
                _quietSince.TryAdd(mac, Clock.Now);
            }
            else
            {
                _quietSince.Remove(mac);
            }
        }
    }

    /// <summary>A device leaves: its host entry and any session go.</summary>
    public bool RemoveHost(string macAddress)
    {
        macAddress = WrittenValues.Mac(macAddress) ?? macAddress;
        lock (_gate)
        {
            var now = Clock.Now;
            foreach (var session in Menu(MenuCatalog.Active).Rows.Where(a => SameMac(a["mac-address"], macAddress)).ToList())
            {
                EndSession(session, now - session.Created, Radius.TerminateCause.LostCarrier);
            }

            return Menu(MenuCatalog.Hosts).Rows.RemoveAll(h => SameMac(h["mac-address"], macAddress)) > 0;
        }
    }

    /// <summary>Applies what the clock implies: sessions past their limits end, cookies expire.</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            Refresh(Clock.Now);
        }
    }

    private void Refresh(DateTimeOffset now)
    {
        foreach (var session in Menu(MenuCatalog.Active).Rows.ToList())
        {
            var allowed = SessionAllowance(session);
            if (allowed is { } limit && now - session.Created >= limit)
            {
                EndSession(session, limit, Radius.TerminateCause.SessionTimeout);
            }
        }

        Menu(MenuCatalog.Cookies).Rows.RemoveAll(c => c.Until <= now);
    }

    /// <summary>How long a session may last: the user's remaining <c>limit-uptime</c> and the profile's <c>session-timeout</c>.</summary>
    private TimeSpan? SessionAllowance(SimRow session)
    {
        if (session.Radius is { } granted)
        {
            return RadiusAllowance(granted.Grant);
        }

        var user = Menu(MenuCatalog.Users).FindByName(session["user"] ?? string.Empty);
        TimeSpan? allowance = null;
        if (Duration(user?["limit-uptime"]) is { } limit)
        {
            allowance = limit - (Duration(user!["uptime"]) ?? TimeSpan.Zero);
        }

        if (Duration(ProfileOf(user)?["session-timeout"]) is { } timeout && (allowance is null || timeout < allowance))
        {
            allowance = timeout;
        }

        return allowance is { } a && a < TimeSpan.Zero ? TimeSpan.Zero : allowance;
    }

    private void EndSession(SimRow session, TimeSpan length, Radius.TerminateCause cause = Radius.TerminateCause.AdminReset)
    {
        Menu(MenuCatalog.Active).Rows.Remove(session);
        if (session.Radius is not null)
        {
            RadiusSessionEnded?.Invoke(RadiusUseOf(session, session.Created + length) with { Cause = cause });
        }

        if (Menu(MenuCatalog.Users).FindByName(session["user"] ?? string.Empty) is { } user)
        {
            user["uptime"] = RouterOsDuration.Format((Duration(user["uptime"]) ?? TimeSpan.Zero) + length);
            user["bytes-in"] = Add(user["bytes-in"], BytesInPerSecond * (long)length.TotalSeconds);
            user["bytes-out"] = Add(user["bytes-out"], BytesOutPerSecond * (long)length.TotalSeconds);
        }

        if (Menu(MenuCatalog.Hosts).Rows.Find(h => SameMac(h["mac-address"], session["mac-address"])) is { } host)
        {
            host["authorized"] = "false";
        }
    }

    private string? ValidateWrite(SimMenu menu, Dictionary<string, string> values, SimRow? existing)
    {
        switch (menu.Path)
        {
            case MenuCatalog.Users:
                var name = values.GetValueOrDefault("name") ?? existing?["name"];
                var server = values.GetValueOrDefault("server") ?? existing?["server"] ?? "all";
                if (string.IsNullOrEmpty(name))
                {
                    return "failure: name must be set";
                }

                if (menu.Rows.Exists(r => r != existing && r["name"] == name && r["server"] == server))
                {
                    return "failure: already have user with this name for this server";
                }

                return values.TryGetValue("profile", out var profile) && Menu(MenuCatalog.Profiles).FindByName(profile) is null
                    ? "input does not match any value of profile"
                    : null;
            case MenuCatalog.Profiles:
                var profileName = values.GetValueOrDefault("name") ?? existing?["name"];
                if (string.IsNullOrEmpty(profileName))
                {
                    return "failure: name must be set";
                }

                return menu.Rows.Exists(r => r != existing && r["name"] == profileName) ? "failure: already have profile with such name" : null;
            case MenuCatalog.IpBindings:
                return values.TryGetValue("type", out var type) && type is not ("regular" or "bypassed" or "blocked")
                    ? "input does not match any value of type"
                    : null;
            default:
                return null;
        }
    }

    private void AddClockValues(SimMenu menu, SimRow row, DateTimeOffset now, Dictionary<string, string> output)
    {
        var age = now - row.Created;
        var quietSince = row["mac-address"] is { } mac && _quietSince.TryGetValue(mac.ToUpperInvariant(), out var since) ? since : (DateTimeOffset?)null;
        var idle = quietSince is { } from && from < now ? TimeSpan.FromTicks(Math.Min((now - from).Ticks, age.Ticks)) : TimeSpan.Zero;
        var seconds = (long)Math.Max(0, (age - idle).TotalSeconds);
        switch (menu.Path)
        {
            case MenuCatalog.Active:
                output["uptime"] = RouterOsDuration.Format(TruncateToSeconds(age));
                output["idle-time"] = RouterOsDuration.Format(TruncateToSeconds(idle));
                output["bytes-in"] = (BytesInPerSecond * seconds).ToString(CultureInfo.InvariantCulture);
                output["bytes-out"] = (BytesOutPerSecond * seconds).ToString(CultureInfo.InvariantCulture);
                output["packets-in"] = (BytesInPerSecond * seconds / 500).ToString(CultureInfo.InvariantCulture);
                output["packets-out"] = (BytesOutPerSecond * seconds / 500).ToString(CultureInfo.InvariantCulture);
                if (SessionAllowance(row) is { } allowed)
                {
                    output["session-time-left"] = RouterOsDuration.Format(TruncateToSeconds(allowed - age));
                }

                break;
            case MenuCatalog.Hosts:
                output["uptime"] = RouterOsDuration.Format(TruncateToSeconds(age));
                output["idle-time"] = RouterOsDuration.Format(TruncateToSeconds(idle));
                break;
            case MenuCatalog.Cookies when row.Until is { } until:
                output["expires-in"] = RouterOsDuration.Format(TruncateToSeconds(until - now));
                break;
            case MenuCatalog.Resource:
                output["uptime"] = RouterOsDuration.Format(TruncateToSeconds(now - _bootedAt));
                break;
        }
    }

    private SimRow? ProfileOf(SimRow? user) => Menu(MenuCatalog.Profiles).FindByName(user?["profile"] ?? "default");

    private static TimeSpan? Duration(string? value) =>
        RouterOsDuration.TryParse(value, out var duration) && duration > TimeSpan.Zero ? duration : null;

    private static TimeSpan TruncateToSeconds(TimeSpan value) => TimeSpan.FromSeconds(Math.Floor(value.TotalSeconds));

    private static string Add(string? counter, long amount) =>
        ((long.TryParse(counter, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0) + amount).ToString(CultureInfo.InvariantCulture);

    // Stored MACs are canonical (WrittenValues.Mac) and callers canonicalise what they are given.
    private static bool SameMac(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
