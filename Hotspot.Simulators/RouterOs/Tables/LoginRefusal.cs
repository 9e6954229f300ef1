namespace Hotspot.Simulators.RouterOs;

/// <summary>Why the hotspot refused a login; the same checks serve the API's <c>/ip/hotspot/active/login</c> and the gateway's <c>/login</c>.</summary>
internal enum LoginRefusal
{
    None,
    HostNotFound,
    InvalidCredentials,
    Disabled,
    MacNotAllowed,
    UptimeLimit,
    SessionLimit,
    DeviceLoggedIn,
}
