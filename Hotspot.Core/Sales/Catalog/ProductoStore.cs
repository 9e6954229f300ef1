using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Catalog;

/// <summary>The <c>Productos</c> table: a router's products in its own partition.</summary>
public sealed class ProductoStore(TableStore store)
{
    public const string TableName = "Productos";
    private readonly TableRepository<ProductoEntity> _productos = store.Repository<ProductoEntity>(TableName);

    public static string Partition(long routerId) => StoredEntity.Key(routerId);

    public Task<ProductoEntity?> GetAsync(long routerId, string productoId, CancellationToken cancellationToken) =>
        _productos.GetAsync(Partition(routerId), productoId, cancellationToken);

    public Task<ProductoEntity> AddAsync(ProductoEntity producto, CancellationToken cancellationToken) => _productos.AddAsync(producto, cancellationToken);

    public Task<ProductoEntity> UpdateAsync(ProductoEntity producto, CancellationToken cancellationToken) => _productos.UpdateAsync(producto, cancellationToken);

    public Task<TablePage<ProductoEntity>> PageAsync(long routerId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        _productos.QueryPageAsync(Partition(routerId), limit, continuationToken, cancellationToken);

    public IAsyncEnumerable<ProductoEntity> AllAsync(long routerId, CancellationToken cancellationToken) =>
        _productos.StreamPartitionAsync(Partition(routerId), cancellationToken);
}
