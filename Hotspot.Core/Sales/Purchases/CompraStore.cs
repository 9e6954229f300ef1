using Azure.Data.Tables;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Purchases;

/// <summary>Which of a company's purchases to list; every part is optional.</summary>
/// <param name="Desde">Created at or after.</param>
/// <param name="Hasta">Created at or before.</param>
public sealed record CompraFiltro(long? RouterId = null, string? Estado = null, DateTimeOffset? Desde = null, DateTimeOffset? Hasta = null);

/// <summary>
/// The <c>Compras</c> table: one partition per company, row = purchase id. Ids sort newest first and embed their
/// company, so: the portal (router key → company) and a webhook (company in its URL) read a purchase with one point
/// read; an admin route finds it from the id alone; a company's list is one partition, newest first, a date range is
/// a row-key range, and router and state are filters inside the partition.
/// </summary>
public sealed class CompraStore(TableStore store)
{
    public const string TableName = "Compras";
    private readonly TableRepository<CompraEntity> _compras = store.Repository<CompraEntity>(TableName);

    public static string Partition(long empresaId) => StoredEntity.Key(empresaId);

    public Task<CompraEntity?> GetAsync(long empresaId, string compraId, CancellationToken cancellationToken) =>
        CompraIds.EmpresaOf(compraId) == empresaId
            ? _compras.GetAsync(Partition(empresaId), compraId, cancellationToken)
            : Task.FromResult<CompraEntity?>(null);

    /// <summary>A purchase from its id alone (admin routes); the caller still checks it may see the company.</summary>
    public Task<CompraEntity?> FindAsync(string compraId, CancellationToken cancellationToken) =>
        CompraIds.EmpresaOf(compraId) is { } empresaId ? GetAsync(empresaId, compraId, cancellationToken) : Task.FromResult<CompraEntity?>(null);

    public Task<CompraEntity> AddAsync(CompraEntity compra, CancellationToken cancellationToken) => _compras.AddAsync(compra, cancellationToken);

    /// <summary>Replaces the row only if unchanged since read (ETag); a lost race is <see cref="ConcurrencyConflictException"/>.</summary>
    public Task<CompraEntity> UpdateAsync(CompraEntity compra, CancellationToken cancellationToken) => _compras.UpdateAsync(compra, cancellationToken);

    /// <summary>One page of a company's purchases, newest first.</summary>
    public Task<TablePage<CompraEntity>> PageAsync(long empresaId, CompraFiltro filtro, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        _compras.QueryPageAsync(Partition(empresaId), limit, continuationToken, cancellationToken, Filter(empresaId, filtro));

    /// <summary>Every purchase of a company that matches, newest first (reports, CSV).</summary>
    public IAsyncEnumerable<CompraEntity> StreamAsync(long empresaId, CompraFiltro filtro, CancellationToken cancellationToken) =>
        _compras.StreamPartitionAsync(Partition(empresaId), cancellationToken, Filter(empresaId, filtro));

    private static string Filter(long empresaId, CompraFiltro filtro)
    {
        ArgumentNullException.ThrowIfNull(filtro);
        var from = filtro.Hasta is { } hasta ? CompraIds.AtOrBefore(empresaId, hasta) : CompraIds.Prefix(empresaId);
        var to = filtro.Desde is { } desde ? CompraIds.AtOrAfter(empresaId, desde) : CompraIds.PartitionEnd(empresaId);
        var parts = new List<string> { TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey le {to}") };
        if (filtro.RouterId is { } routerId)
        {
            parts.Add(TableClient.CreateQueryFilter($"RouterId eq {routerId}"));
        }

        if (filtro.Estado is { } estado)
        {
            parts.Add(TableClient.CreateQueryFilter($"Estado eq {estado}"));
        }

        return string.Join(" and ", parts);
    }
}
