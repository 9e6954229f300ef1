using Azure;
using Azure.Data.Tables;

namespace Hotspot.Storage;

/// <summary>
/// Typed access to one table. Every read names its partition (the tenant key or the item's own key), so no
/// request path scans a table. Updates are ETag-checked: a lost race surfaces as
/// <see cref="ConcurrencyConflictException"/>, never as a silent overwrite.
/// </summary>
public sealed class TableRepository<T>(TableStore store, string logicalName) where T : class, ITableEntity, new()
{
    public string LogicalName => logicalName;

    public Task<TableClient> TableAsync(CancellationToken cancellationToken) => store.GetTableAsync(logicalName, cancellationToken);

    public async Task<T?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task<T> AddAsync(T entity, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken);
            entity.ETag = response.Headers.ETag ?? default;
            return entity;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new EntityAlreadyExistsException(table.Name, entity.PartitionKey, entity.RowKey, e);
        }
    }

    /// <summary>Replaces the item only if it is unchanged since <paramref name="entity"/> was read.</summary>
    public async Task<T> UpdateAsync(T entity, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            var response = await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            entity.ETag = response.Headers.ETag ?? default;
            return entity;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException(table.Name, entity.PartitionKey, entity.RowKey, e);
        }
    }

    /// <summary>Writes the item whatever it held before: for records with a single writer (caches, counters of one owner).</summary>
    public async Task UpsertAsync(T entity, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var response = await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        entity.ETag = response.Headers.ETag ?? default;
    }

    /// <summary>Deletes the item if it still has <paramref name="etag"/> (use <see cref="ETag.All"/> to delete unconditionally). Returns false if it was already gone.</summary>
    public async Task<bool> DeleteAsync(string partitionKey, string rowKey, ETag etag, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            var response = await table.DeleteEntityAsync(partitionKey, rowKey, etag, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new ConcurrencyConflictException(table.Name, partitionKey, rowKey, e);
        }
    }

    /// <summary>One page of a partition, optionally narrowed by an OData filter built with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>.</summary>
    public async Task<TablePage<T>> QueryPageAsync(
        string partitionKey, int pageSize, string? continuationToken, CancellationToken cancellationToken, string? extraFilter = null)
    {
        var table = await TableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        if (!string.IsNullOrEmpty(extraFilter))
        {
            filter = $"{filter} and ({extraFilter})";
        }

        await foreach (var page in table.QueryAsync<T>(filter, pageSize, cancellationToken: cancellationToken)
                           .AsPages(continuationToken, pageSize))
        {
            return new TablePage<T>(page.Values, page.ContinuationToken);
        }

        return new TablePage<T>([], null);
    }

    /// <summary>Every item of a partition, streamed page by page: for background jobs, not request paths.</summary>
    public async IAsyncEnumerable<T> StreamPartitionAsync(
        string partitionKey, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken, string? extraFilter = null)
    {
        var table = await TableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        if (!string.IsNullOrEmpty(extraFilter))
        {
            filter = $"{filter} and ({extraFilter})";
        }

        await foreach (var entity in table.QueryAsync<T>(filter, cancellationToken: cancellationToken))
        {
            yield return entity;
        }
    }

    /// <summary>Writes several items of one partition atomically: all or none.</summary>
    public async Task SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            var failed = e.FailedTransactionActionIndex is { } index ? actions[index].Entity : actions[0].Entity;
            throw new EntityAlreadyExistsException(table.Name, failed.PartitionKey, failed.RowKey, e);
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
        {
            var failed = e.FailedTransactionActionIndex is { } index ? actions[index].Entity : actions[0].Entity;
            throw new ConcurrencyConflictException(table.Name, failed.PartitionKey, failed.RowKey, e);
        }
    }
}
