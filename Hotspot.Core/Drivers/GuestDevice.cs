namespace Hotspot.Drivers;

/// <summary>
/// A device as the portal knows it: its MAC, the controller site it joined (UniFi's <c>internalReference</c>, e.g.
/// <c>default</c>; null means the router's default site; routers without sites ignore it), and the access point it
/// came through when the redirect says so.
/// </summary>
public sealed record GuestDevice(MacAddress Mac, string? Site = null, MacAddress? AccessPoint = null);
