namespace Hotspot.Drivers;

/// <summary>
/// A request to let a device online. <paramref name="Account"/> is who the access is charged to: a MikroTik driver
/// logs the device in as that hotspot user; UniFi authorizes the device itself and does not use it.
/// </summary>
public sealed record GuestAuthorization(GuestDevice Device, AccessBudget Budget, string? Account = null);
