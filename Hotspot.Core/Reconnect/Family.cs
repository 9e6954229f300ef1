using Hotspot.Mikrotik;
using Hotspot.RouterOs;

namespace Hotspot.Reconnect;

/// <summary>A base user or one of its clones, with the uptime of its live sessions (not yet in the user's own counter).</summary>
public sealed record FamilyMember(HotspotUser User, int Slot, TimeSpan LiveUptime)
{
    public bool IsBase => Slot == 0;

    public string Name => User.Name;

    /// <summary>Everything this member has used: its closed sessions and its live ones.</summary>
    public TimeSpan Used => User.Uptime + LiveUptime;

    public bool HoldsMac(string mac) => string.Equals(ReconnectInput.NormaliseMac(User.MacAddress), mac, StringComparison.Ordinal);

    public bool HasNoMac => ReconnectInput.NormaliseMac(User.MacAddress) is null or "00:00:00:00:00:00";
}

/// <summary>What the router says about one entitlement, read in one round trip.</summary>
public sealed record Family(
    string BaseName,
    FamilyMember? Base,
    IReadOnlyList<FamilyMember> Clones,
    IReadOnlyList<HotspotActiveSession> Sessions,
    IReadOnlyList<HotspotCookie> Cookies,
    string? HostAddress)
{
    public IEnumerable<FamilyMember> Members => Base is null ? Clones : Clones.Prepend(Base);

    public FamilyMember? Holder(string mac) => Members.FirstOrDefault(m => m.HoldsMac(mac));

    public int? LowestFreeSlot()
    {
        var taken = Clones.Select(c => c.Slot).ToHashSet();
        return Enumerable.Range(1, RandmacNames.MaxClones).Cast<int?>().FirstOrDefault(n => !taken.Contains(n!.Value));
    }

    public bool HasSession(string user) => Sessions.Any(s => s.User == user);
}
