namespace Hotspot.Drivers;

/// <summary>
/// A device's access exactly as the controller states it when read back: <see cref="Authorized"/> and
/// <see cref="ExpiresAt"/> are never inferred from what was asked for. A controller that reports an authorization
/// as granted but has not applied it yet shows up here as <c>Authorized == false</c>.
/// </summary>
public sealed record GuestStatus(
    KnownHost Host,
    bool Authorized,
    DateTimeOffset? AuthorizedAt,
    DateTimeOffset? ExpiresAt,
    AccessBudget? Limits,
    GuestUsage? Usage);

/// <summary>What the guest has used in its current authorization, where the controller reports it.</summary>
public sealed record GuestUsage(TimeSpan? Duration, long? DownloadBytes, long? UploadBytes);
