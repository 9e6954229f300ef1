namespace Hotspot.Simulators.RouterOs;

/// <summary>A login for a device that already has a session: refused (the default) or the old session ends first.</summary>
public enum SecondLogin
{
    Refuse,
    Replace,
}
