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
    string? Error);
