using Hotspot.Tenancy.Entities;

namespace Hotspot.Radius;

/// <summary>
/// What a purchase gives on a RADIUS router: the whole truth, since the router holds no user. Partition = the router,
/// row = the hotspot user name (what an Access-Request names). The time used is not kept here: it is the sum of the
/// router's sessions (<see cref="RadiusSessionEntity"/>), each counted once.
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
}
