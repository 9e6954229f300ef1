namespace Hotspot.Drivers;

/// <summary>Why a controller operation failed, in terms a caller can act on.</summary>
public enum ControllerError
{
    /// <summary>The site named by the portal is not on this controller.</summary>
    UnknownSite,

    /// <summary>The device is not connected to the controller (it only lists connected devices).</summary>
    DeviceNotFound,

    /// <summary>The device is connected but not subject to the guest portal.</summary>
    NotAGuest,

    /// <summary>The controller refused to let the device on (account disabled, limit reached, MAC not allowed).</summary>
    GuestRejected,

    /// <summary>A budget value is outside what the controller accepts; see <see cref="ControllerException.Field"/>.</summary>
    LimitOutOfRange,

    /// <summary>An argument (e.g. a site name) is malformed; see <see cref="ControllerException.Field"/>.</summary>
    InvalidArgument,

    /// <summary>The controller rejected the credentials (API key, user or password).</summary>
    CredentialsRejected,

    /// <summary>The controller did not answer in time, refused the connection, throttled us or failed (5xx).</summary>
    Unavailable,

    /// <summary>The TLS handshake failed: untrusted certificate, name mismatch or pin mismatch.</summary>
    TlsFailure,

    /// <summary>The controller answered something we do not understand (wrong URL, unsupported version).</summary>
    UnexpectedResponse,
}
