using Hotspot.Drivers;
using Hotspot.RouterOs;

namespace Hotspot.Mikrotik;

/// <summary>RouterOS client failures in the controller interface's terms; messages name the router, never a secret.</summary>
internal static class MikrotikFailures
{
    public static ControllerException Translate(long routerId, Exception exception) => exception switch
    {
        ControllerException known => known,
        RouterOsConnectionException { Failure: RouterOsFailure.Login } e =>
            new(ControllerError.CredentialsRejected, $"MikroTik router {routerId} rejected the API user or password: {e.Message}", null, e),
        RouterOsConnectionException { Failure: RouterOsFailure.Tls } e =>
            new(ControllerError.TlsFailure, $"MikroTik router {routerId}: {e.Message}", null, e),
        RouterOsConnectionException { Failure: RouterOsFailure.Protocol } e =>
            new(ControllerError.UnexpectedResponse, $"MikroTik router {routerId} does not speak the RouterOS API on this port: {e.Message}", null, e),
        RouterOsConnectionException e =>
            new(ControllerError.Unavailable, $"MikroTik router {routerId} is not reachable: {e.Message}", null, e),
        RouterOsTrapException { Kind: RouterOsErrorKind.NotEnoughPermissions } e =>
            new(ControllerError.CredentialsRejected, $"MikroTik router {routerId}: the API user lacks a permission ({e.Message}).", null, e),
        RouterOsProtocolException e =>
            new(ControllerError.UnexpectedResponse, $"MikroTik router {routerId} answered outside the protocol: {e.Message}", null, e),
        TimeoutException e => new(ControllerError.Unavailable, $"MikroTik router {routerId} did not answer in time.", null, e),
        RouterOsException e => new(ControllerError.UnexpectedResponse, $"MikroTik router {routerId}: {e.Message}", null, e),
        _ => new(ControllerError.UnexpectedResponse, $"MikroTik router {routerId} failed: {exception.Message}", null, exception),
    };

    /// <summary>A refused hotspot login: the device is not on the hotspot, or the router will not let this account on.</summary>
    public static ControllerException LoginRefused(long routerId, MacAddress mac, RouterOsTrapException trap) =>
        trap.Traps.Any(t => t.Message.Contains("host not found", StringComparison.OrdinalIgnoreCase))
            ? new(ControllerError.DeviceNotFound, $"Device {mac} is not on the hotspot network of router {routerId}.", nameof(GuestDevice.Mac), trap)
            : new(ControllerError.GuestRejected, $"MikroTik router {routerId} refused the login of {mac}: {trap.Message}", nameof(GuestDevice.Mac), trap);
}
