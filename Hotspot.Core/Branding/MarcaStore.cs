using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Branding;

/// <summary>Brands, kept apart from companies and routers so each can change on its own.</summary>
public sealed class MarcaStore(TableStore store)
{
    public const string Table = "Marcas";

    private readonly TableRepository<MarcaEntity> _marcas = store.Repository<MarcaEntity>(Table);

    public Task<MarcaEntity?> GetAsync(long empresaId, long? routerId, CancellationToken cancellationToken) =>
        _marcas.GetAsync(StoredEntity.Key(empresaId), Row(routerId), cancellationToken);

    public Task SaveAsync(MarcaEntity marca, CancellationToken cancellationToken)
    {
        marca.PartitionKey = StoredEntity.Key(marca.EmpresaId);
        marca.RowKey = Row(marca.RouterId);
        return _marcas.UpsertAsync(marca, cancellationToken);
    }

    public async Task<bool> DeleteAsync(long empresaId, long routerId, CancellationToken cancellationToken) =>
        await _marcas.DeleteAsync(StoredEntity.Key(empresaId), Row(routerId), Azure.ETag.All, cancellationToken);

    /// <summary>Whether any brand of the company (its own or a router's) still shows this logo.</summary>
    public async Task<bool> UsesLogoAsync(long empresaId, string hash, CancellationToken cancellationToken)
    {
        await foreach (var _ in _marcas.StreamPartitionAsync(StoredEntity.Key(empresaId), cancellationToken, Azure.Data.Tables.TableClient.CreateQueryFilter($"LogoSha256 eq {hash}")))
        {
            return true;
        }

        return false;
    }

    private static string Row(long? routerId) => routerId is { } id ? MarcaEntity.RouterRow(id) : MarcaEntity.CompanyRow;
}
