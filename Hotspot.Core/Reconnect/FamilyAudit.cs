using Hotspot.Mikrotik;
using Hotspot.RouterOs;

namespace Hotspot.Reconnect;

/// <summary>
/// What an entitlement looks like on the router once reconnects have settled, against the rule "one device at a
/// time, time shared and never exceeded": how many live sessions it has, what it has used (TA + every member's
/// closed and live sessions) and what its members can still use (each member's <c>limit-uptime</c> less its use; a
/// member without a limit counts as unbounded). Read from the router's own tables, independently of the planner.
/// </summary>
public sealed record FamilyAudit(string BaseName, int LiveSessions, TimeSpan TimeLimit, TimeSpan Used, TimeSpan StillUsable, bool Unbounded)
{
    /// <summary>TL less what is used: the most the family may still use.</summary>
    public TimeSpan Left => TimeLimit - Used;

    /// <summary>Together, the members can use more than what is left.</summary>
    public bool Overspends => Unbounded || StillUsable > Left;

    public static FamilyAudit Of(string baseName, IReadOnlyList<HotspotUser> users, IReadOnlyList<HotspotActiveSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(sessions);
        var members = users.Where(u => RandmacNames.BaseOf(u.Name) == baseName).ToList();
        var markers = RandmacMarkers.Parse(members.SingleOrDefault(m => m.Name == baseName)?.Comment)
            ?? throw new ArgumentException($"{baseName} is not a RANDMAC user on this router.", nameof(baseName));
        var names = members.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var live = sessions.Where(s => names.Contains(s.User)).ToList();
        var used = TimeSpan.FromSeconds(markers.TimeAccumulatedSeconds);
        var usable = TimeSpan.Zero;
        var unbounded = false;
        foreach (var member in members)
        {
            var memberUsed = member.Uptime + live.Where(s => s.User == member.Name).Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Uptime);
            used += memberUsed;
            if (member.LimitUptime is not { } limit || limit <= TimeSpan.Zero)
            {
                unbounded = true;
            }
            else if (limit > memberUsed)
            {
                usable += limit - memberUsed;
            }
        }

        return new FamilyAudit(baseName, live.Count, TimeSpan.FromSeconds(markers.TimeLimitSeconds), used, usable, unbounded && markers.IsLimited);
    }
}
