using Hotspot.Mikrotik;
using Hotspot.RouterOs;

namespace Hotspot.Reconnect;

/// <summary>
/// Decides, from one reading of the router, which member of the family logs the device in and what must be written
/// first (seed 000 steps 5 to 8, with device slots and shared time). Pure: no I/O.
/// </summary>
public static class ReconnectPlanner
{
    public static PlanOutcome Plan(Family family, string mac)
    {
        var baseMember = family.Base!;
        var markers = RandmacMarkers.Parse(baseMember.User.Comment);
        return markers is null ? PlanRegular(family, baseMember, mac) : PlanRandmac(family, baseMember, markers, mac);
    }

    private static PlanOutcome PlanRegular(Family family, FamilyMember user, string mac)
    {
        var limit = user.User.LimitUptime is { } l && l > TimeSpan.Zero ? l : (TimeSpan?)null;
        var remaining = limit - user.Used;
        if (remaining < TimeSpan.FromSeconds(1))
        {
            return PlanOutcome.Expired(Messages.TimeExhausted);
        }

        var writes = new List<RouterOsCommand>();
        AddCookieRemoval(writes, family.Cookies.Where(c => SameMac(c.MacAddress, mac) && c.User != user.Name));
        return PlanOutcome.Go(new ReconnectPlan(
            user, writes, null, user.Used, remaining, IsConnected(family, user.Name, mac), SessionData(user.User.Id, user.User, null)));
    }

    private static PlanOutcome PlanRandmac(Family family, FamilyMember baseMember, RandmacMarkers markers, string mac)
    {
        var used = SharedTime.Used(markers, family.Members);
        var remaining = SharedTime.Remaining(markers, used);
        if (remaining < TimeSpan.FromSeconds(1))
        {
            return PlanOutcome.Expired(Messages.TimeExhausted);
        }

        var holder = family.Holder(mac);
        if (holder is not null && IsConnected(family, holder.Name, mac))
        {
            return PlanOutcome.Go(new ReconnectPlan(holder, [], null, used, remaining, true, SessionData(holder.User.Id, holder.User, null)));
        }

        var changes = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var cookiesToRemove = family.Cookies.Where(c => SameMac(c.MacAddress, mac)).ToList();
        FamilyMember selected;
        RouterOsCommand? addClone = null;
        if (holder is not null)
        {
            selected = holder;
        }
        else if (baseMember.HasNoMac)
        {
            selected = baseMember;
            Change(changes, baseMember, "mac-address", mac);
        }
        else if (family.LowestFreeSlot() is { } slot)
        {
            var clone = baseMember.User with { Id = "", Name = RandmacNames.CloneName(family.BaseName, slot), MacAddress = mac, Uptime = TimeSpan.Zero, LimitUptime = null };
            selected = new FamilyMember(clone, slot, TimeSpan.Zero);
        }
        else
        {
            var idlest = family.Clones
                .Where(c => !family.HasSession(c.Name))
                .OrderBy(c => RandmacMarkers.Parse(c.User.Comment)?.LastSeen ?? DateTimeOffset.MinValue)
                .ThenBy(c => c.Slot)
                .FirstOrDefault();
            if (idlest is null)
            {
                return PlanOutcome.Refused(Messages.DeviceLimit);
            }

            selected = idlest;
            Change(changes, idlest, "mac-address", mac);
            cookiesToRemove.AddRange(family.Cookies.Where(c => c.User == idlest.Name));
        }

        // One device at a time: the family's other live sessions end, so that the time left is spent only once.
        var endSessions = family.Sessions.Where(s => s.User != selected.Name || !SameMac(s.MacAddress, mac)).Select(s => s.Id).ToList();
        if (remaining is { } left)
        {
            var limits = SharedTime.Limits(family.Members.Where(m => m.Name != selected.Name), selected, left);
            if (limits is null)
            {
                return PlanOutcome.Expired(Messages.TimeExhausted);
            }

            foreach (var member in family.Members)
            {
                if (limits.TryGetValue(member.Name, out var limit) && member.User.LimitUptime != limit)
                {
                    Change(changes, member, "limit-uptime", RouterOsDuration.Format(limit));
                }
            }

            if (selected.User.Id.Length == 0)
            {
                selected = selected with { User = selected.User with { LimitUptime = limits[selected.Name] } };
            }
        }

        if (selected.User.Id.Length == 0)
        {
            addClone = new RouterOsCommand(MikrotikMenus.HotspotUsers + "/add")
                .With("name", selected.Name)
                .With("password", baseMember.User.Password ?? "")
                .With("profile", baseMember.User.Profile)
                .WithOptional("server", baseMember.User.Server)
                .With("mac-address", mac)
                .With("comment", baseMember.User.Comment ?? "")
                .WithOptional("limit-uptime", selected.User.LimitUptime is { } cloneLimit ? RouterOsDuration.Format(cloneLimit) : null);
        }

        var writes = new List<RouterOsCommand>();
        writes.AddRange(endSessions.Select(id => Removal(MikrotikMenus.HotspotActive, id)));

        AddCookieRemoval(writes, cookiesToRemove.Where(c => c.User != selected.Name || !SameMac(c.MacAddress, mac)).DistinctBy(c => c.Id));
        foreach (var (id, values) in changes)
        {
            writes.Add(RouterOsCommand.Set(MikrotikMenus.HotspotUsers, id, values));
        }

        var after = changes.GetValueOrDefault(selected.User.Id);
        return PlanOutcome.Go(new ReconnectPlan(selected, writes, addClone, used, remaining, false, SessionData(selected.User.Id, selected.User, after)));
    }

    private static void Change(Dictionary<string, Dictionary<string, string>> changes, FamilyMember member, string property, string value)
    {
        if (!changes.TryGetValue(member.User.Id, out var values))
        {
            changes[member.User.Id] = values = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        values[property] = value;
    }

    private static void AddCookieRemoval(List<RouterOsCommand> writes, IEnumerable<HotspotCookie> cookies) =>
        writes.AddRange(cookies.Select(c => c.Id).Distinct(StringComparer.Ordinal).Select(id => Removal(MikrotikMenus.HotspotCookies, id)));

    /// <summary>
    /// One item per command, all in the same round trip: an item a concurrent request removed first traps alone
    /// ("no such item", which is what we wanted) without holding back the others.
    /// </summary>
    private static RouterOsCommand Removal(string menu, string id) => RouterOsCommand.Remove(menu, [id]);

    private static bool IsConnected(Family family, string user, string mac) =>
        family.Sessions.Any(s => s.User == user && SameMac(s.MacAddress, mac));

    private static bool SameMac(string? a, string mac) => string.Equals(ReconnectInput.NormaliseMac(a), mac, StringComparison.Ordinal);

    /// <summary><c>datos_sesion</c>: the user row as the seed shows it, never with its password.</summary>
    internal static Dictionary<string, string> SessionData(string id, HotspotUser user, IReadOnlyDictionary<string, string>? changes)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [".id"] = id,
            ["name"] = user.Name,
            ["profile"] = user.Profile,
            ["mac-address"] = user.MacAddress ?? "",
            ["comment"] = user.Comment ?? "",
            ["disabled"] = user.Disabled ? "yes" : "no",
        };
        foreach (var (key, value) in changes ?? new Dictionary<string, string>())
        {
            if (data.ContainsKey(key))
            {
                data[key] = value;
            }
        }

        return data;
    }
}
