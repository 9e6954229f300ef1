using Hotspot.Auth;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy.Admin;

/// <summary>
/// The body of issue and regenerate: <c>alcance</c> is <c>portal</c> (published in the portal pages; the default) or
/// <c>integracion</c> (a server's secret key: seed 001, seed 002, the UniFi API).
/// </summary>
public sealed record ApiKeyRequest(string? Alcance);

/// <summary>A key's state; <c>alcance</c> is what it opens (a key stored before scopes existed reads <c>portal</c>).</summary>
public sealed record ApiKeyStatus(string Id, long RouterId, long EmpresaId, string Alcance, string Estado, DateTimeOffset CreadaEn, DateTimeOffset ExpiraEn, DateTimeOffset? RevocadaEn, DateTimeOffset? LastUsed)
{
    public static ApiKeyStatus From(ApiKeyEntity k, DateTimeOffset now) => new(
        k.RowKey, k.RouterId, k.EmpresaId, KeyScopes.OfStored(k.Alcance).Name(),
        k.RevocadaEn is not null ? "revocada" : k.ExpiraEn <= now ? "expirada" : "activa",
        k.CreadaEn, k.ExpiraEn, k.RevocadaEn, k.UltimoUso);
}

/// <summary>The only response that ever carries a key: right after it is issued.</summary>
public sealed record IssuedApiKey(string Id, string ApiKey, long RouterId, long EmpresaId, string Alcance, DateTimeOffset CreadaEn, DateTimeOffset ExpiraEn);
