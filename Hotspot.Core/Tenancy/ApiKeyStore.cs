using Azure;
using Azure.Data.Tables;
using Hotspot.Auth;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy;

/// <summary>
/// Router API keys: issue (shown once), revoke, list. Only the hash and the key's scope are stored. Changes to a router's
/// set of keys are single transactions in its partition, guarded by its <see cref="ApiKeySetEntity"/>: a regeneration
/// revokes every active key of its scope (a scope-less stored key counts as portal) and issues one, or writes nothing.
/// </summary>
public sealed class ApiKeyStore(TableStore store, ApiKeyTokens tokens, TenancyCache cache, TimeProvider time)
{
    // A transaction holds at most 100 operations: the key-set row, the new key and this many revocations.
    private const int RevocationsPerTransaction = 98;
    private const int Attempts = 5;
    private static readonly string NotKeySet = TableClient.CreateQueryFilter($"RowKey ne {ApiKeySetEntity.Row}");
    private readonly TableRepository<ApiKeyEntity> _keys = store.Repository<ApiKeyEntity>(TableNames.ApiKeys);
    private readonly TableRepository<ApiKeySetEntity> _sets = store.Repository<ApiKeySetEntity>(TableNames.ApiKeys);

    /// <summary>Adds a key to the router's set; another change to the set committing first is retried (adding does not depend on the others).</summary>
    public async Task<(ApiKeyEntity Entity, string ApiKey)> IssueAsync(RouterEntity router, KeyScope scope, CancellationToken cancellationToken)
    {
        var (entity, apiKey) = await NewKeyAsync(router, scope, cancellationToken);
        return await ContentionRetry.RunAsync(
            async () =>
            {
                await ChangeSetAsync(router.Id, entity, revoking: null, cancellationToken);
                return (entity, apiKey);
            },
            e => e is ApiKeySetChangedException,
            $"the API keys of router {router.Id}",
            cancellationToken);
    }

    /// <summary>
    /// Revokes every active key of the router of <paramref name="scope"/> and issues one of it, in one transaction: rotating
    /// the published portal key leaves a server's integration key working. Throws <see cref="ApiKeySetChangedException"/>
    /// when another regeneration or issue changed the set first: then nothing was written.
    /// </summary>
    public async Task<(ApiKeyEntity Entity, string ApiKey)> RegenerateAsync(RouterEntity router, KeyScope scope, CancellationToken cancellationToken)
    {
        var (entity, apiKey) = await NewKeyAsync(router, scope, cancellationToken);
        await ChangeSetAsync(router.Id, entity, revoking: key => KeyScopes.OfStored(key.Alcance) == scope, cancellationToken);
        return (entity, apiKey);
    }

    /// <summary>Revokes every active key of the router (it is being deleted); a concurrent change to the set is retried.</summary>
    public async Task RevokeAllAsync(long routerId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ChangeSetAsync(routerId, newKey: null, revoking: _ => true, cancellationToken);
                return;
            }
            catch (ApiKeySetChangedException) when (attempt < Attempts)
            {
                // A key was issued meanwhile: it must go too.
            }
        }
    }

    public Task<ApiKeyEntity?> GetAsync(long routerId, string keyId, CancellationToken cancellationToken) =>
        _keys.GetAsync(StoredEntity.Key(routerId), keyId, cancellationToken);

    /// <summary>
    /// Revokes the key: it stops working in this instance at once and everywhere within the cache lifetime. Revoking a
    /// key already revoked (say by a regeneration at the same moment) keeps its first revocation time.
    /// </summary>
    public async Task<ApiKeyEntity> RevokeAsync(ApiKeyEntity key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var attempt = 1; key.RevocadaEn is null; attempt++)
        {
            key.RevocadaEn = time.GetUtcNow();
            try
            {
                await _keys.UpdateAsync(key, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Revoked or used meanwhile: look again.
                key = await _keys.GetAsync(key.PartitionKey, key.RowKey, cancellationToken) ?? throw new InvalidOperationException($"API key {key.RowKey} is gone.");
            }
        }

        cache.ApiKeyChanged(key.RowKey);
        return key;
    }

    public Task<TablePage<ApiKeyEntity>> PageAsync(long routerId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        _keys.QueryPageAsync(StoredEntity.Key(routerId), limit, continuationToken, cancellationToken, NotKeySet);

    private async Task<(ApiKeyEntity Entity, string ApiKey)> NewKeyAsync(RouterEntity router, KeyScope scope, CancellationToken cancellationToken)
    {
        var (apiKey, claims, issuedAt) = await tokens.IssueAsync(router.Id, router.EmpresaId, cancellationToken);
        var entity = new ApiKeyEntity
        {
            PartitionKey = StoredEntity.Key(router.Id),
            RowKey = claims.KeyId,
            RouterId = router.Id,
            EmpresaId = router.EmpresaId,
            KeyHash = ApiKeyTokens.Hash(apiKey),
            Alcance = scope.Name(),
            CreadaEn = issuedAt,
            ExpiraEn = claims.ExpiresAt,
        };
        return (entity, apiKey);
    }

    /// <summary>
    /// One transaction: the key-set row (ETag-checked, or added), the revocations of the active keys <paramref name="revoking"/> picks (ETag-checked) and the new
    /// key. A key revoked or used meanwhile is re-read and the transaction tried again; a changed key-set row means
    /// another change to the set won, and nothing is written.
    /// </summary>
    private async Task ChangeSetAsync(long routerId, ApiKeyEntity? newKey, Func<ApiKeyEntity, bool>? revoking, CancellationToken cancellationToken)
    {
        var partition = StoredEntity.Key(routerId);
        for (var attempt = 1; ; attempt++)
        {
            var set = await _sets.GetAsync(partition, ApiKeySetEntity.Row, cancellationToken);
            var active = revoking is null ? [] : (await ActiveKeysAsync(partition, cancellationToken)).Where(revoking).ToList();
            var now = time.GetUtcNow();
            var actions = new List<TableTransactionAction>
            {
                set is null
                    ? new(TableTransactionActionType.Add, new ApiKeySetEntity { PartitionKey = partition, RowKey = ApiKeySetEntity.Row, Revision = 1 })
                    : new(TableTransactionActionType.UpdateReplace, new ApiKeySetEntity { PartitionKey = partition, RowKey = ApiKeySetEntity.Row, Revision = set.Revision + 1 }, set.ETag),
            };
            var inTransaction = active.Take(RevocationsPerTransaction).ToList();
            actions.AddRange(inTransaction.Select(key =>
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(key.PartitionKey, key.RowKey) { [nameof(ApiKeyEntity.RevocadaEn)] = now }, key.ETag)));
            if (newKey is not null)
            {
                actions.Add(new(TableTransactionActionType.Add, newKey));
            }

            try
            {
                await _keys.SubmitAsync(actions, cancellationToken);
            }
            catch (Exception e) when (e is ConcurrencyConflictException or EntityAlreadyExistsException)
            {
                var current = await _sets.GetAsync(partition, ApiKeySetEntity.Row, cancellationToken);
                if (current?.ETag != set?.ETag || attempt == Attempts)
                {
                    throw new ApiKeySetChangedException(routerId, e);
                }

                continue;
            }

            foreach (var key in inTransaction)
            {
                cache.ApiKeyChanged(key.RowKey);
            }

            // Beyond one transaction's worth (a router with ~100 active keys), the oldest are revoked after the winner is settled.
            foreach (var extra in active.Skip(RevocationsPerTransaction))
            {
                await RevokeAsync(extra, CancellationToken.None);
            }

            cache.RouterChanged(routerId);
            return;
        }
    }

    /// <summary>The router's unrevoked keys, newest first (Table Storage cannot filter on a missing property).</summary>
    private async Task<List<ApiKeyEntity>> ActiveKeysAsync(string partition, CancellationToken cancellationToken)
    {
        var active = new List<ApiKeyEntity>();
        await foreach (var key in _keys.StreamPartitionAsync(partition, cancellationToken, NotKeySet))
        {
            if (key.RevocadaEn is null)
            {
                active.Add(key);
            }
        }

        return active.OrderByDescending(k => k.CreadaEn).ToList();
    }
}
