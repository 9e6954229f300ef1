namespace Hotspot.Drivers;

/// <summary>
/// What a guest may use: always a time limit (a controller's own default is never relied on), optionally a data cap
/// and rate limits. Download is traffic to the guest, upload from it. Each driver checks the budget against its
/// router's ranges and names the offending property in <see cref="ControllerException.Field"/>.
/// </summary>
public sealed record AccessBudget(
    TimeSpan TimeLimit,
    long? DataLimitMBytes = null,
    int? DownloadKbps = null,
    int? UploadKbps = null);
