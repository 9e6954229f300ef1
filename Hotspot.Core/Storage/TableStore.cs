using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Hotspot.Storage;

/// <summary>
/// The one entry to Table Storage: names tables with the configured prefix and creates each table once per
/// process (the first use pays one round trip, later uses none).
/// </summary>
public sealed class TableStore(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly string _prefix = options.Value.TablePrefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public TableServiceClient Service => service;

    public string TableName(string logicalName) => _prefix + logicalName;

    public async Task<TableClient> GetTableAsync(string logicalName, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(logicalName, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // Storage was down at first use: forget the failure so that the next request tries again.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(logicalName, lazy));
            throw;
        }
    }

    public TableRepository<T> Repository<T>(string logicalName) where T : class, ITableEntity, new() =>
        new(this, logicalName);

    /// <summary>One cheap request that proves the service answers and our credentials work.</summary>
    public async Task<bool> IsReachableAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await foreach (var _ in service.QueryAsync(maxPerPage: 1, cancellationToken: timeoutSource.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (RequestFailedException)
        {
            return false;
        }
        catch (AggregateException)
        {
            return false;
        }
    }

    private async Task<TableClient> CreateAsync(string logicalName)
    {
        var client = service.GetTableClient(TableName(logicalName));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.CreateIfNotExistsAsync(timeout.Token);
        return client;
    }
}
