using Azure.Data.Tables;

namespace Hotspot.Storage;

/// <summary>Seed-style <c>limit</c>/<c>offset</c> paging over one partition's query: reads offset + limit rows at most, never the rest.</summary>
public static class OffsetPage
{
    public static async Task<IReadOnlyList<T>> ReadAsync<T>(TableClient table, string partitionKey, int limit, int offset, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        ArgumentNullException.ThrowIfNull(table);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        var page = new List<T>(limit);
        var seen = 0;
        await foreach (var item in table.QueryAsync<T>(filter, Math.Min(offset + limit, 1000), cancellationToken: cancellationToken))
        {
            if (seen++ >= offset)
            {
                page.Add(item);
                if (page.Count == limit)
                {
                    break;
                }
            }
        }

        return page;
    }
}
