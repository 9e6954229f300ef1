using Hotspot.Tenancy.Entities;

namespace Hotspot.Radius;

/// <summary>
/// What a purchase gives on a RADIUS router: the whole truth, since the router holds no user. Partition = the router,
/// row = the hotspot user name (what an Access-Request names). The time used is not kept here: it is the sum of the
/// family's sessions (<see cref="RadiusSessionEntity"/>), each counted once. The row is also the family's (seed 000:
/// the randomized MACs of one guest): which device holds the time, written with ETags so that one device at a time
/// is granted whatever instance answers.
/// </summary>
public sealed class RadiusEntitlementEntity : StoredEntity
{
    public long EmpresaId { get; set; }

    public string CompraId { get; set; } = "";

    /// <summary>Usage time bought (as RouterOS's limit-uptime: only time online counts).</summary>
    public long TiempoSegundos { get; set; }

    public long? LimiteMb { get; set; }

    public int? LimiteSubidaKbps { get; set; }

    public int? LimiteBajadaKbps { get; set; }

    /// <summary>The product's hotspot user profile, sent as Mikrotik-Group.</summary>
    public string? PerfilMikrotikNombre { get; set; }

    /// <summary>Refunded or charged back: every later Access-Request is rejected.</summary>
    public bool Revoked { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The device (Calling-Station-Id, upper case with colons) granted last, when and until when.</summary>
    public string? HolderMac { get; set; }

    public DateTimeOffset? HolderSince { get; set; }

    public DateTimeOffset? HolderUntil { get; set; }

    /// <summary>Ends of grants of devices that were taken over and may still be online (unix seconds, comma-separated).</summary>
    public string? Displaced { get; set; }

    /// <summary>How many device logins auto-reconnect issued: the next one is <c>&lt;user&gt;_RANDMAC&lt;n+1&gt;</c>.</summary>
    public int DeviceLogins { get; set; }

    public DateTimeOffset? FirstLoginAt { get; set; }
}
