namespace Hotspot.Simulators.RouterOs.Gateway;

/// <summary>The device a browser request comes from: its MAC (canonical, upper case with colons) and IP on the hotspot network.</summary>
public sealed record GatewayDevice(string MacAddress, string Address);
