namespace Hotspot.Drivers;

public enum ConnectionKind
{
    Unknown,
    Wireless,
    Wired,
    Vpn,
}
