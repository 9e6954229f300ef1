using Hotspot.Storage;

namespace Hotspot.Vouchers.Batches;

/// <summary>Batches with their idempotency claims and sale claims (one partition per router), and the sellers' sale ledgers.</summary>
public sealed class LoteStore(TableStore store)
{
    public const string Table = "LotesFichas";
    public const string SalesTable = "VentasMostrador";
    private readonly TableRepository<LoteEntity> _lotes = store.Repository<LoteEntity>(Table);
    private readonly TableRepository<LoteClaimEntity> _claims = store.Repository<LoteClaimEntity>(Table);
    private readonly TableRepository<LoteVentaEntity> _sold = store.Repository<LoteVentaEntity>(Table);
    private readonly TableRepository<VentaMostradorEntity> _sales = store.Repository<VentaMostradorEntity>(SalesTable);

    public Task<LoteEntity?> GetAsync(long routerId, long loteId, CancellationToken cancellationToken) =>
        _lotes.GetAsync(LoteEntity.PartitionFor(routerId), LoteEntity.RowFor(loteId), cancellationToken);

    public Task<LoteEntity> AddAsync(LoteEntity lote, CancellationToken cancellationToken) => _lotes.AddAsync(lote, cancellationToken);

    public Task<LoteEntity> UpdateAsync(LoteEntity lote, CancellationToken cancellationToken) => _lotes.UpdateAsync(lote, cancellationToken);

    public Task<bool> DeleteAsync(StoredEntityKey key, CancellationToken cancellationToken) =>
        _lotes.DeleteAsync(key.Partition, key.Row, Azure.ETag.All, cancellationToken);

    /// <summary>A page of the router's batches, oldest first.</summary>
    public Task<TablePage<LoteEntity>> PageAsync(long routerId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        _lotes.QueryPageAsync(LoteEntity.PartitionFor(routerId), limit, continuationToken, cancellationToken, "RowKey ge 'lote:' and RowKey lt 'lote;'");

    /// <exception cref="EntityAlreadyExistsException">The key is already claimed.</exception>
    public Task<LoteClaimEntity> ClaimAsync(LoteClaimEntity claim, CancellationToken cancellationToken) => _claims.AddAsync(claim, cancellationToken);

    public Task<LoteClaimEntity?> ClaimOfAsync(long routerId, string keyHash, CancellationToken cancellationToken) =>
        _claims.GetAsync(LoteEntity.PartitionFor(routerId), LoteClaimEntity.RowFor(keyHash), cancellationToken);

    /// <exception cref="EntityAlreadyExistsException">The ficha was already sold.</exception>
    public Task<LoteVentaEntity> ClaimSaleAsync(LoteVentaEntity sold, CancellationToken cancellationToken) => _sold.AddAsync(sold, cancellationToken);

    public async Task<HashSet<string>> SoldCodesAsync(long routerId, long loteId, CancellationToken cancellationToken)
    {
        var prefix = LoteVentaEntity.Prefix(loteId);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var sold in _sold.StreamPartitionAsync(
                           LoteEntity.PartitionFor(routerId), cancellationToken,
                           Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {prefix[..^1] + ";"}")))
        {
            codes.Add(sold.Codigo);
        }

        return codes;
    }

    public Task<VentaMostradorEntity> AddSaleAsync(VentaMostradorEntity sale, CancellationToken cancellationToken) => _sales.AddAsync(sale, cancellationToken);

    /// <summary>A seller's sales from <paramref name="desde"/> to <paramref name="hasta"/>, inclusive, in time order.</summary>
    public IAsyncEnumerable<VentaMostradorEntity> SalesOfAsync(long usuarioId, DateTimeOffset desde, DateTimeOffset hasta, CancellationToken cancellationToken) =>
        _sales.StreamPartitionAsync(
            VentaMostradorEntity.PartitionFor(usuarioId), cancellationToken,
            Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey ge {VentaMostradorEntity.RowStart(desde)} and RowKey lt {VentaMostradorEntity.RowStart(hasta.AddTicks(1))}"));
}

public readonly record struct StoredEntityKey(string Partition, string Row);
