using Azure;
using Azure.Data.Tables;

namespace Hotspot.Tenancy.Entities;

/// <summary>Common storage columns. Ids are positive integers (seed 004), stored zero-padded so keys sort by number.</summary>
public abstract class StoredEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public static string Key(long id) => id.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A company (tenant). Partition "empresa", row = id.</summary>
public sealed class EmpresaEntity : StoredEntity
{
    public const string Partition = "empresa";

    public long Id { get; set; }

    public string Nombre { get; set; } = "";

    public bool Activa { get; set; } = true;

    public string? EmailContacto { get; set; }

    public string? Telefono { get; set; }

    public string? Direccion { get; set; }

    /// <summary>IANA id of the zone its days are counted in; null counts in the default zone (<see cref="CompanyTimeZone"/>).</summary>
    public string? ZonaHoraria { get; set; }

    public DateTimeOffset CreadaEn { get; set; }
}

/// <summary>An admin user. Partition "usuario", row "id:{id}"; its email index row lives in the same partition so both are written in one transaction.</summary>
public sealed class UsuarioEntity : StoredEntity
{
    public const string Partition = "usuario";

    public long Id { get; set; }

    public string Email { get; set; } = "";

    public string Nombre { get; set; } = "";

    public string Rol { get; set; } = "";

    public long? EmpresaId { get; set; }

    public bool Activo { get; set; } = true;

    public string PasswordHash { get; set; } = "";

    public DateTimeOffset CreadoEn { get; set; }

    public static string RowFor(long id) => "id:" + Key(id);
}

/// <summary>Email → user id, unique because the row key is the normalised email.</summary>
public sealed class UsuarioEmailEntity : StoredEntity
{
    public long UserId { get; set; }

    public static string RowFor(string normalizedEmail) => "email:" + normalizedEmail;
}

/// <summary>A router of a company. Partition = company id (the tenant key), row = router id.</summary>
public sealed class RouterEntity : StoredEntity
{
    public long Id { get; set; }

    public long EmpresaId { get; set; }

    public string Nombre { get; set; } = "";

    public string? Ubicacion { get; set; }

    public string Tipo { get; set; } = "";

    public bool Activo { get; set; } = true;

    /// <summary>
    /// How we reach it. MikroTik: <c>api</c> (null: rows written before the mode existed) or <c>radius</c>
    /// (<see cref="Radius.RouterConnections"/>). UniFi: null for its local <see cref="BaseUrl"/>, or <c>site_manager</c>
    /// through Ubiquiti's cloud connector (<see cref="ConsolaId"/>).
    /// </summary>
    public string? Conexion { get; set; }

    public string? Host { get; set; }

    public int? Puerto { get; set; }

    public string? Usuario { get; set; }

    public bool Tls { get; set; }

    public string? CertificadoSha256 { get; set; }

    public string? BaseUrl { get; set; }

    /// <summary>UniFi through the Site Manager connector: the console's host id there.</summary>
    public string? ConsolaId { get; set; }

    public string? Site { get; set; }

    /// <summary>Seed 002's action API for this router: enabled at all, by POST, by GET. All off until an admin turns them on.</summary>
    public bool ApiHabilitada { get; set; }

    public bool ApiPost { get; set; }

    public bool ApiGet { get; set; }

    /// <summary>Host names the operator allows as this router's login page (<c>url_login</c>), lower-case, comma-separated.</summary>
    public string? HostsLogin { get; set; }

    /// <summary>Whether the router's password (MikroTik) or API key (UniFi) is in the secret store.</summary>
    public bool TieneSecreto { get; set; }

    /// <summary>Bumped whenever the secret changes, so every instance drops connections opened with the old one.</summary>
    public int SecretoRevision { get; set; }

    /// <summary>
    /// The secret store's version of the secret this router uses. Readers ask for this version, so a secret stored by an
    /// update that then lost its row to a concurrent one is never used, and no instance reads a cached older value.
    /// </summary>
    public string? SecretoVersion { get; set; }

    public DateTimeOffset CreadoEn { get; set; }
}

/// <summary>Router id → company id, so that /routers/{id} finds its partition with one point read. Never changes.</summary>
public sealed class RouterDirectoryEntity : StoredEntity
{
    public const string Partition = "router";

    public long EmpresaId { get; set; }
}

/// <summary>A router API key: only its SHA-256 hash. Partition = router id, row = key id (the JWT's jti).</summary>
public sealed class ApiKeyEntity : StoredEntity
{
    public long RouterId { get; set; }

    public long EmpresaId { get; set; }

    public string KeyHash { get; set; } = "";

    /// <summary><c>portal</c> or <c>integracion</c>; null for a key stored before scopes existed, which is a portal key (<see cref="Auth.KeyScopes.OfStored"/>).</summary>
    public string? Alcance { get; set; }

    public DateTimeOffset CreadaEn { get; set; }

    public DateTimeOffset ExpiraEn { get; set; }

    public DateTimeOffset? RevocadaEn { get; set; }

    public DateTimeOffset? UltimoUso { get; set; }
}

/// <summary>A monotonically increasing counter for ids.</summary>
public sealed class CounterEntity : StoredEntity
{
    public const string Partition = "counter";

    public long Value { get; set; }
}
