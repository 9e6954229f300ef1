using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy.Admin;

/// <summary>A router's API keys, for a super_admin or the router's own cliente_admin; every change audited.</summary>
public sealed class ApiKeyAdmin(RouterAdmin routers, ApiKeyStore keys, AuditLog audit, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Issues a key of the scope; with <paramref name="revokeExisting"/> every active key of that scope is revoked in the same transaction (regenerate).</summary>
    public async Task<IssuedApiKey> IssueAsync(AdminCaller caller, long? routerId, KeyScope scope, bool revokeExisting, CancellationToken cancellationToken)
    {
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        ApiKeyEntity key;
        string apiKey;
        try
        {
            (key, apiKey) = revokeExisting ? await keys.RegenerateAsync(router, scope, cancellationToken) : await keys.IssueAsync(router, scope, cancellationToken);
        }
        catch (ApiKeySetChangedException)
        {
            throw new ConflictException("Las API keys del router cambiaron mientras se procesaba la petición (otra regeneración o emisión terminó antes); no se cambió nada. Consulte las keys y vuelva a intentarlo si hace falta.");
        }

        await audit.RecordAsync(caller, revokeExisting ? "api_key.regenerar" : "api_key.emitir", $"router:{router.Id}/api_key:{key.RowKey}/{scope.Name()}", router.EmpresaId, cancellationToken);
        return new IssuedApiKey(key.RowKey, apiKey, key.RouterId, key.EmpresaId, scope.Name(), key.CreadaEn, key.ExpiraEn);
    }

    public async Task<TablePage<ApiKeyEntity>> PageAsync(AdminCaller caller, long? routerId, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        return await keys.PageAsync(router.Id, limit, continuationToken, cancellationToken);
    }

    public async Task<ApiKeyEntity> GetAsync(AdminCaller caller, long? routerId, string? keyId, CancellationToken cancellationToken)
    {
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        return keyId is { Length: > 0 and <= 64 } id && id.All(char.IsAsciiHexDigitLower) && await keys.GetAsync(router.Id, id, cancellationToken) is { } key
            ? key
            : throw new NotFoundException("API key no encontrada.");
    }

    public async Task<ApiKeyEntity> RevokeAsync(AdminCaller caller, long? routerId, string? keyId, CancellationToken cancellationToken)
    {
        var key = await GetAsync(caller, routerId, keyId, cancellationToken);
        try
        {
            key = await keys.RevokeAsync(key, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            throw new ConflictException("La API key cambió varias veces mientras se revocaba; vuelva a intentarlo.");
        }

        await audit.RecordAsync(caller, "api_key.revocar", $"router:{key.RouterId}/api_key:{key.RowKey}", key.EmpresaId, cancellationToken);
        return key;
    }
}
