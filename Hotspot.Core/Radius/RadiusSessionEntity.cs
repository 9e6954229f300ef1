using Hotspot.Tenancy.Entities;

namespace Hotspot.Radius;

/// <summary>
/// One accounting session (Acct-Session-Id) of one family on one router. Partition = router and the purchase's user,
/// row = the session id. Its counters only grow (each is the largest the router reported), so a retransmitted or late
/// update changes nothing and the session is counted once whatever order Start, Interim-Update and Stop arrive in.
/// </summary>
public sealed class RadiusSessionEntity : StoredEntity
{
    public long SessionSeconds { get; set; }

    public long InputBytes { get; set; }

    public long OutputBytes { get; set; }

    public bool Stopped { get; set; }

    /// <summary>The device (Calling-Station-Id), upper case with colons.</summary>
    public string? Mac { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static string Partition(long routerId, string usuario) => $"{Key(routerId)}-{usuario}";

    /// <summary>Open: no Stop, and heard from within <see cref="RadiusPolicy.LostStopBound"/> (a lost Stop closes it by absence).</summary>
    public bool IsOpen(DateTimeOffset now) => !Stopped && now - UpdatedAt < RadiusPolicy.LostStopBound;
}
