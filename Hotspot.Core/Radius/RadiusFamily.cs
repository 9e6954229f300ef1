using System.Globalization;

namespace Hotspot.Radius;

/// <summary>
/// Seed 000's rule on a RADIUS router, decided at every Access-Request from the family's row and its sessions: one
/// device at a time holds the time, and together the devices never use more than what is left.
/// <list type="bullet">
/// <item>The device that holds the time (or any device, when none holds it) is granted.</item>
/// <item>Another device is granted, and takes the time over, when the holder is gone (its session stopped, or silent
/// past <see cref="RadiusPolicy.LostStopBound"/>, or its grant over), or when it presents a device login issued after
/// the holder was granted (auto-reconnect's takeover). Otherwise it is refused: one device at a time.</item>
/// <item>A device taken over keeps what it was granted until its Session-Timeout (nothing reaches a router behind NAT);
/// that rest is reserved out of what the new holder gets, so the family cannot pass its time.</item>
/// </list>
/// </summary>
public static class RadiusFamily
{
    /// <summary>Null when <paramref name="mac"/> may be granted now, else the refusal.</summary>
    public static string? Refusal(RadiusEntitlementEntity family, IReadOnlyList<RadiusSessionEntity> sessions, string mac, RadiusDeviceLoginEntity? login, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(family);
        if (family.HolderMac is null || family.HolderMac == mac || !HolderLive(family, sessions, now))
        {
            return null;
        }

        var takeover = login is not null && login.Mac == mac && now - login.IssuedAt < RadiusPolicy.TakeoverLoginLifetime && login.IssuedAt > family.HolderSince;
        return takeover ? null : RadiusPolicy.OtherDevice;
    }

    /// <summary>What is left to grant: the time bought, less what the sessions reported, less what displaced devices may still use.</summary>
    public static TimeSpan Left(RadiusEntitlementEntity family, long usedSeconds, string mac, IReadOnlyList<RadiusSessionEntity> sessions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(family);
        var reserved = TimeSpan.Zero;
        foreach (var until in StillRunning(Displaced(family, mac, sessions, now), now))
        {
            // An interim interval more: what it used since its last report is not in the sessions yet.
            reserved += until - now + RadiusPolicy.InterimInterval;
        }

        return TimeSpan.FromSeconds(family.TiempoSegundos - usedSeconds) - reserved;
    }

    /// <summary>The row once <paramref name="mac"/> is granted <paramref name="timeout"/> (written with the row's ETag).</summary>
    public static void Grant(RadiusEntitlementEntity family, IReadOnlyList<RadiusSessionEntity> sessions, string mac, TimeSpan timeout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(family);
        var displaced = StillRunning(Displaced(family, mac, sessions, now), now).ToList();
        family.Displaced = displaced.Count == 0 ? null
            : string.Join(',', displaced.Select(u => u.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        family.HolderMac = mac;
        family.HolderSince = now;
        family.HolderUntil = now + timeout;
        family.FirstLoginAt ??= now;
    }

    /// <summary>
    /// The holder may still be online: its grant is not over, and it has an open session since it was granted (or it
    /// was granted so recently that its accounting Start may not have arrived yet).
    /// </summary>
    public static bool HolderLive(RadiusEntitlementEntity family, IReadOnlyList<RadiusSessionEntity> sessions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(sessions);
        if (family.HolderMac is null || family.HolderSince is not { } since || family.HolderUntil is not { } until || until <= now)
        {
            return false;
        }

        var reported = sessions.Where(s => s.Mac == family.HolderMac && s.UpdatedAt >= since).ToList();
        return reported.Count == 0 ? now - since < RadiusPolicy.LostStopBound : reported.Any(s => s.IsOpen(now));
    }

    /// <summary>The ends of grants that other devices than <paramref name="mac"/> may still be using, the holder's included.</summary>
    private static IEnumerable<DateTimeOffset> Displaced(RadiusEntitlementEntity family, string mac, IReadOnlyList<RadiusSessionEntity> sessions, DateTimeOffset now)
    {
        foreach (var part in (family.Displaced ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                yield return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }

        // The holder's own grant ends with its Stop; a silent one is still reserved until its Session-Timeout.
        if (family.HolderMac is not null && family.HolderMac != mac && family.HolderUntil is { } until
            && !sessions.Any(s => s.Mac == family.HolderMac && s.Stopped && s.UpdatedAt >= family.HolderSince))
        {
            yield return until;
        }
    }

    private static IEnumerable<DateTimeOffset> StillRunning(IEnumerable<DateTimeOffset> ends, DateTimeOffset now) => ends.Where(u => u > now);
}
