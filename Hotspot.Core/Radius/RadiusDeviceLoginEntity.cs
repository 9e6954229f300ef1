using Hotspot.Tenancy.Entities;

namespace Hotspot.Radius;

/// <summary>
/// A device login that auto-reconnect issued on a RADIUS router: <c>&lt;user&gt;_RANDMAC&lt;n&gt;</c>, bound to one MAC
/// (Calling-Station-Id). Partition = the router, row = the login's name. Its password is derived, never stored
/// (<see cref="RadiusDeviceLogins"/>): the row keeps only the nonce it is derived from.
/// </summary>
public sealed class RadiusDeviceLoginEntity : StoredEntity
{
    /// <summary>The purchase's user name: the family this device belongs to.</summary>
    public string Usuario { get; set; } = "";

    public string Mac { get; set; } = "";

    public string Nonce { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }
}
