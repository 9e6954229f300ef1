namespace Hotspot.Reconnect;

/// <summary>
/// The time bought (TL) shared by a base user and its clones. Used = TA + every member's closed and live sessions.
/// One member at a time holds the remaining time; every other member is capped at what it has already used, so that
/// the family together can never pass TL. RouterOS reads a <c>limit-uptime</c> of 0 as "no limit", so a member
/// that has used nothing is capped at one second, and that second is reserved out of the remaining time.
/// </summary>
public static class SharedTime
{
    private static readonly TimeSpan Smallest = TimeSpan.FromSeconds(1);

    public static TimeSpan Used(RandmacMarkers markers, IEnumerable<FamilyMember> members) =>
        TimeSpan.FromSeconds(markers.TimeAccumulatedSeconds) + members.Aggregate(TimeSpan.Zero, (sum, m) => sum + m.Used);

    /// <summary>Null when the time is unlimited (TL absent or 0).</summary>
    public static TimeSpan? Remaining(RandmacMarkers markers, TimeSpan used) =>
        markers.IsLimited ? TimeSpan.FromSeconds(markers.TimeLimitSeconds) - used : null;

    /// <summary>
    /// The <c>limit-uptime</c> of every member once <paramref name="selected"/> is logged in (a new clone is passed
    /// with zero use), or null when what is left does not reach one second.
    /// </summary>
    public static IReadOnlyDictionary<string, TimeSpan>? Limits(IEnumerable<FamilyMember> others, FamilyMember selected, TimeSpan remaining)
    {
        var limits = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var reserved = TimeSpan.Zero;
        foreach (var member in others)
        {
            var cap = Whole(member.Used) < Smallest ? Smallest : Whole(member.Used);
            reserved += cap - member.Used > TimeSpan.Zero ? cap - member.Used : TimeSpan.Zero;
            limits[member.Name] = cap;
        }

        var allowance = Whole(remaining - reserved);
        if (allowance < Smallest)
        {
            return null;
        }

        limits[selected.Name] = Whole(selected.Used) + allowance;
        return limits;
    }

    private static TimeSpan Whole(TimeSpan value) => TimeSpan.FromSeconds(Math.Floor(value.TotalSeconds));
}
