using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy.Admin;

public sealed record ApiKeyStatus(string Id, long RouterId, long EmpresaId, string Estado, DateTimeOffset CreadaEn, DateTimeOffset ExpiraEn, DateTimeOffset? RevocadaEn, DateTimeOffset? LastUsed)
{
    public static ApiKeyStatus From(ApiKeyEntity k, DateTimeOffset now) => new(
        k.RowKey, k.RouterId, k.EmpresaId,
        k.RevocadaEn is not null ? "revocada" : k.ExpiraEn <= now ? "expirada" : "activa",
        k.CreadaEn, k.ExpiraEn, k.RevocadaEn, k.UltimoUso);
}

/// <summary>The only response that ever carries a key: right after it is issued.</summary>
public sealed record IssuedApiKey(string Id, string ApiKey, long RouterId, long EmpresaId, DateTimeOffset CreadaEn, DateTimeOffset ExpiraEn);
