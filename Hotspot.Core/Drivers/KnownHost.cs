namespace Hotspot.Drivers;

/// <summary>A device the controller currently sees, as its list reports it (no authorization details).</summary>
/// <param name="DeviceId">The controller's own id for the device (UniFi client id, MikroTik host id).</param>
/// <param name="IsGuest">Whether it is subject to the captive portal (UniFi <c>access.type</c> GUEST).</param>
public sealed record KnownHost(
    MacAddress Mac,
    string DeviceId,
    string? Name,
    string? IpAddress,
    ConnectionKind Connection,
    bool IsGuest,
    bool Authorized);
