using Hotspot.Auth;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy;

/// <summary>Router API keys: issue (shown once), revoke, list. Only the hash is stored.</summary>
public sealed class ApiKeyStore(TableStore store, ApiKeyTokens tokens, TenancyCache cache, TimeProvider time)
{
    private readonly TableRepository<ApiKeyEntity> _keys = store.Repository<ApiKeyEntity>(TableNames.ApiKeys);

    public async Task<(ApiKeyEntity Entity, string ApiKey)> IssueAsync(RouterEntity router, CancellationToken cancellationToken)
    {
        var (apiKey, claims, issuedAt) = await tokens.IssueAsync(router.Id, router.EmpresaId, cancellationToken);
        var entity = await _keys.AddAsync(
            new ApiKeyEntity
            {
                PartitionKey = StoredEntity.Key(router.Id),
                RowKey = claims.KeyId,
                RouterId = router.Id,
                EmpresaId = router.EmpresaId,
                KeyHash = ApiKeyTokens.Hash(apiKey),
                CreadaEn = issuedAt,
                ExpiraEn = claims.ExpiresAt,
            },
            cancellationToken);
        return (entity, apiKey);
    }

    public Task<ApiKeyEntity?> GetAsync(long routerId, string keyId, CancellationToken cancellationToken) =>
        _keys.GetAsync(StoredEntity.Key(routerId), keyId, cancellationToken);

    /// <summary>Revokes the key: it stops working in this instance at once and everywhere within the cache lifetime.</summary>
    public async Task<ApiKeyEntity> RevokeAsync(ApiKeyEntity key, CancellationToken cancellationToken)
    {
        if (key.RevocadaEn is null)
        {
            key.RevocadaEn = time.GetUtcNow();
            await _keys.UpdateAsync(key, cancellationToken);
        }

        cache.ApiKeyChanged(key.RowKey);
        return key;
    }

    public async Task<int> RevokeAllAsync(long routerId, CancellationToken cancellationToken)
    {
        var revoked = 0;
        // Table Storage cannot filter on a missing property: read the router's keys (a handful) and skip revoked ones.
        await foreach (var key in _keys.StreamPartitionAsync(StoredEntity.Key(routerId), cancellationToken))
        {
            if (key.RevocadaEn is not null)
            {
                continue;
            }

            await RevokeAsync(key, cancellationToken);
            revoked++;
        }

        cache.RouterChanged(routerId);
        return revoked;
    }

    public Task<TablePage<ApiKeyEntity>> PageAsync(long routerId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        _keys.QueryPageAsync(StoredEntity.Key(routerId), limit, continuationToken, cancellationToken);
}
