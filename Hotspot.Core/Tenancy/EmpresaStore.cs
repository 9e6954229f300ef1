using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy;

/// <summary>Companies: the tenants themselves.</summary>
public sealed class EmpresaStore(TableStore store, IdAllocator ids, TenancyCache cache)
{
    private readonly TableRepository<EmpresaEntity> _empresas = store.Repository<EmpresaEntity>(TableNames.Empresas);

    public Task<EmpresaEntity?> GetAsync(long id, CancellationToken cancellationToken) =>
        _empresas.GetAsync(EmpresaEntity.Partition, StoredEntity.Key(id), cancellationToken);

    public async Task<EmpresaEntity> CreateAsync(EmpresaEntity empresa, CancellationToken cancellationToken)
    {
        empresa.Id = await ids.NextAsync("empresa", cancellationToken);
        empresa.PartitionKey = EmpresaEntity.Partition;
        empresa.RowKey = StoredEntity.Key(empresa.Id);
        return await _empresas.AddAsync(empresa, cancellationToken);
    }

    public async Task UpdateAsync(EmpresaEntity empresa, CancellationToken cancellationToken)
    {
        await _empresas.UpdateAsync(empresa, cancellationToken);
        cache.EmpresaChanged(empresa.Id);
    }

    public Task<TablePage<EmpresaEntity>> PageAsync(int limit, string? continuationToken, CancellationToken cancellationToken) =>
        _empresas.QueryPageAsync(EmpresaEntity.Partition, limit, continuationToken, cancellationToken);
}
