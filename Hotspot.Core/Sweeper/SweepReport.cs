namespace Hotspot.Sweeper;

/// <summary>What one sweep of one router did.</summary>
public sealed record SweepReport(
    long RouterId,
    int UsersScanned,
    int ClonesFolded,
    long SecondsFolded,
    int FamiliesRemoved,
    int ExpiredUsersRemoved,
    int UsersRemoved,
    int SessionsEnded,
    int CookiesRemoved,
    int ClonesMarked,
    string? Error)
{
    /// <summary>Portal logins (seed 001) ended for their session or idle timeout, or because the router no longer had them.</summary>
    public int PortalSessionsEnded { get; init; }

    /// <summary>Vouchers (seed 002) switched on at their <c>valid_from</c>.</summary>
    public int VouchersEnabled { get; init; }

    /// <summary>Vouchers whose validity ran out: removed from the router and marked expired in our records.</summary>
    public int VouchersExpired { get; init; }

    /// <summary>Guest authorizations (UniFi) still shown by the controller after our records say they ended, revoked.</summary>
    public int AuthorizationsRevoked { get; init; }

    public static SweepReport Empty(long routerId) => new(routerId, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);
}
