namespace Hotspot.Reconnect;

/// <summary>Seed 000's request body, as the portal sends it.</summary>
public sealed record AutoReconnectRequest(
    string? Username, string? Password, string? StoredMac, string? CurrentMac, string? CurrentIp, string? CurrentSsid);
