using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy;

/// <summary>
/// What every authenticated request needs to know (the user, the router, the company, the API key), cached for
/// 30 seconds per instance and invalidated at once by the writes of this instance.
/// </summary>
public sealed class TenancyCache(TableStore store, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly TableRepository<UsuarioEntity> _usuarios = store.Repository<UsuarioEntity>(TableNames.Usuarios);
    private readonly TableRepository<EmpresaEntity> _empresas = store.Repository<EmpresaEntity>(TableNames.Empresas);
    private readonly TableRepository<RouterEntity> _routers = store.Repository<RouterEntity>(TableNames.Routers);
    private readonly TableRepository<ApiKeyEntity> _apiKeys = store.Repository<ApiKeyEntity>(TableNames.ApiKeys);
    private readonly ExpiringCache<long, UsuarioEntity> _usuarioCache = new(time, Lifetime);
    private readonly ExpiringCache<long, EmpresaEntity> _empresaCache = new(time, Lifetime);
    private readonly ExpiringCache<long, RouterEntity> _routerCache = new(time, Lifetime);
    private readonly ExpiringCache<string, ApiKeyEntity> _apiKeyCache = new(time, Lifetime);

    public ValueTask<UsuarioEntity?> UsuarioAsync(long id, CancellationToken cancellationToken) =>
        _usuarioCache.GetOrLoadAsync(id, (key, ct) => _usuarios.GetAsync(UsuarioEntity.Partition, UsuarioEntity.RowFor(key), ct), cancellationToken);

    public ValueTask<EmpresaEntity?> EmpresaAsync(long id, CancellationToken cancellationToken) =>
        _empresaCache.GetOrLoadAsync(id, (key, ct) => _empresas.GetAsync(EmpresaEntity.Partition, StoredEntity.Key(key), ct), cancellationToken);

    /// <summary>A router whose company is known (from an API key's claims): one point read when cold.</summary>
    public ValueTask<RouterEntity?> RouterAsync(long empresaId, long routerId, CancellationToken cancellationToken) =>
        _routerCache.GetOrLoadAsync(routerId, (key, ct) => _routers.GetAsync(StoredEntity.Key(empresaId), StoredEntity.Key(key), ct), cancellationToken);

    public ValueTask<ApiKeyEntity?> ApiKeyAsync(long routerId, string keyId, CancellationToken cancellationToken) =>
        _apiKeyCache.GetOrLoadAsync(keyId, (key, ct) => _apiKeys.GetAsync(StoredEntity.Key(routerId), key, ct), cancellationToken);

    public void UsuarioChanged(long id) => _usuarioCache.Invalidate(id);

    public void EmpresaChanged(long id) => _empresaCache.Invalidate(id);

    public void RouterChanged(long routerId)
    {
        _routerCache.Invalidate(routerId);
        _apiKeyCache.InvalidateWhere((_, key) => key is null || key.RouterId == routerId);
    }

    public void ApiKeyChanged(string keyId) => _apiKeyCache.Invalidate(keyId);
}
