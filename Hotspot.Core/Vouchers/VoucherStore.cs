using Hotspot.Storage;

namespace Hotspot.Vouchers;

/// <summary>Vouchers by router. Adding is insert-if-absent on the username, so two creators of one name cannot both win.</summary>
public sealed class VoucherStore(TableStore store)
{
    public const string Table = "Vouchers";
    private readonly TableRepository<VoucherEntity> _vouchers = store.Repository<VoucherEntity>(Table);

    /// <exception cref="EntityAlreadyExistsException">The router already has a voucher with this username.</exception>
    public Task<VoucherEntity> AddAsync(VoucherEntity voucher, CancellationToken cancellationToken) => _vouchers.AddAsync(voucher, cancellationToken);

    public Task<VoucherEntity?> GetAsync(long routerId, string username, CancellationToken cancellationToken) =>
        _vouchers.GetAsync(VoucherEntity.PartitionFor(routerId), VoucherEntity.RowFor(username), cancellationToken);

    public Task<bool> DeleteAsync(VoucherEntity voucher, CancellationToken cancellationToken) =>
        _vouchers.DeleteAsync(voucher.PartitionKey, voucher.RowKey, Azure.ETag.All, cancellationToken);

    public Task<VoucherEntity> UpdateAsync(VoucherEntity voucher, CancellationToken cancellationToken) => _vouchers.UpdateAsync(voucher, cancellationToken);

    /// <summary>Rows <paramref name="offset"/> to offset + limit of the router's partition, in username order; reads no further.</summary>
    public async Task<IReadOnlyList<VoucherEntity>> PageAsync(long routerId, int limit, int offset, CancellationToken cancellationToken) =>
        await OffsetPage.ReadAsync<VoucherEntity>(await _vouchers.TableAsync(cancellationToken), VoucherEntity.PartitionFor(routerId), limit, offset, cancellationToken);

    /// <summary>A page of one batch's vouchers, in code order.</summary>
    public Task<TablePage<VoucherEntity>> PageOfLoteAsync(long routerId, long loteId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        _vouchers.QueryPageAsync(VoucherEntity.PartitionFor(routerId), limit, continuationToken, cancellationToken, Azure.Data.Tables.TableClient.CreateQueryFilter($"LoteId eq {loteId}"));

    /// <summary>Every voucher of one batch (at most its count), for its ledger.</summary>
    public IAsyncEnumerable<VoucherEntity> OfLoteAsync(long routerId, long loteId, CancellationToken cancellationToken) =>
        _vouchers.StreamPartitionAsync(VoucherEntity.PartitionFor(routerId), cancellationToken, Azure.Data.Tables.TableClient.CreateQueryFilter($"LoteId eq {loteId}"));

    /// <summary>The router's vouchers still live in our records, for the sweep.</summary>
    public IAsyncEnumerable<VoucherEntity> LiveOfAsync(long routerId, CancellationToken cancellationToken) =>
        _vouchers.StreamPartitionAsync(VoucherEntity.PartitionFor(routerId), cancellationToken, "Expired eq false");
}
