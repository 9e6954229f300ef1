using Azure;
using Hotspot.Secrets;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy;

/// <summary>The secret store refused a write: nothing else was written.</summary>
public sealed class SecretStoreUnavailableException(Exception inner) : Exception("The secret store could not store the router's secret.", inner);

/// <summary>
/// Routers, partitioned by company. A directory row maps a router id to its company so that /routers/{id} costs one
/// point read. The router's password or UniFi API key goes to the secret store, never to a table.
/// </summary>
public sealed class RouterStore(TableStore store, IdAllocator ids, ISecretStore secrets, TenancyCache cache)
{
    private readonly TableRepository<RouterEntity> _routers = store.Repository<RouterEntity>(TableNames.Routers);
    private readonly TableRepository<RouterDirectoryEntity> _directory = store.Repository<RouterDirectoryEntity>(TableNames.RouterDirectory);

    public static string SecretNameOf(RouterEntity router) =>
        (Kinds.RouterKindRegistry.For(router) ?? throw new InvalidOperationException($"Router {router.Id} is of no known kind ({router.Tipo}).")).SecretName(router.Id);

    /// <summary>The router's password or API key: the version its row names (the latest for rows written before versions were kept).</summary>
    public static Task<string?> ReadSecretAsync(ISecretStore secrets, RouterEntity router, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(router);
        return router.SecretoVersion is { Length: > 0 } version
            ? secrets.GetVersionAsync(SecretNameOf(router), version, cancellationToken)
            : secrets.GetAsync(SecretNameOf(router), cancellationToken);
    }

    public async Task<RouterEntity?> GetAsync(long routerId, CancellationToken cancellationToken)
    {
        var directory = await _directory.GetAsync(RouterDirectoryEntity.Partition, StoredEntity.Key(routerId), cancellationToken);
        return directory is null ? null : await _routers.GetAsync(StoredEntity.Key(directory.EmpresaId), StoredEntity.Key(routerId), cancellationToken);
    }

    /// <summary>Stores the secret first: if that fails, no router exists. If a later write fails, the earlier ones are undone.</summary>
    public async Task<RouterEntity> CreateAsync(RouterEntity router, string secret, CancellationToken cancellationToken)
    {
        router.Id = await ids.NextAsync("router", cancellationToken);
        router.PartitionKey = StoredEntity.Key(router.EmpresaId);
        router.RowKey = StoredEntity.Key(router.Id);
        router.TieneSecreto = true;
        var secretName = SecretNameOf(router);
        try
        {
            router.SecretoVersion = await secrets.SetAsync(secretName, secret, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new SecretStoreUnavailableException(e);
        }

        try
        {
            await _directory.AddAsync(
                new RouterDirectoryEntity { PartitionKey = RouterDirectoryEntity.Partition, RowKey = router.RowKey, EmpresaId = router.EmpresaId },
                cancellationToken);
            return await _routers.AddAsync(router, cancellationToken);
        }
        catch
        {
            await _directory.DeleteAsync(RouterDirectoryEntity.Partition, router.RowKey, ETag.All, CancellationToken.None);
            await secrets.DeleteAsync(secretName, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Saves the router if unchanged since read. A new secret is stored first as a new version, and the row names it: if
    /// the row then loses to a concurrent update, the router goes on using the version the winning row names.
    /// </summary>
    public async Task UpdateAsync(RouterEntity router, string? newSecret, CancellationToken cancellationToken)
    {
        if (newSecret is not null)
        {
            try
            {
                router.SecretoVersion = await secrets.SetAsync(SecretNameOf(router), newSecret, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new SecretStoreUnavailableException(e);
            }

            router.SecretoRevision++;
        }

        await _routers.UpdateAsync(router, cancellationToken);
        cache.RouterChanged(router.Id);
    }

    /// <summary>Removes the router row first (it is what every lookup reads), then its directory row and its secret.</summary>
    public async Task DeleteAsync(RouterEntity router, CancellationToken cancellationToken)
    {
        await _routers.DeleteAsync(router.PartitionKey, router.RowKey, router.ETag, cancellationToken);
        cache.RouterChanged(router.Id);
        await _directory.DeleteAsync(RouterDirectoryEntity.Partition, router.RowKey, ETag.All, CancellationToken.None);
        await secrets.DeleteAsync(SecretNameOf(router), CancellationToken.None);
    }

    /// <summary>Every active router of a kind, across companies, streamed page by page.</summary>
    public async IAsyncEnumerable<RouterEntity> StreamActiveAsync(string tipo, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await _routers.TableAsync(cancellationToken);
        await foreach (var router in table.QueryAsync<RouterEntity>(r => r.Tipo == tipo && r.Activo, cancellationToken: cancellationToken))
        {
            yield return router;
        }
    }

    public Task<TablePage<RouterEntity>> PageAsync(long empresaId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        _routers.QueryPageAsync(StoredEntity.Key(empresaId), limit, continuationToken, cancellationToken);
}

public static class RouterKinds
{
    public const string Mikrotik = "mikrotik";
    public const string Unifi = "unifi";
}
