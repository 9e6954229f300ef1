using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Hotspot.Storage;

/// <summary>
/// Counts every HTTP request the table client sends (retries included): the storage round trips of this instance,
/// in all and per table, observable by benchmarks and tests.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _byTable = new(StringComparer.OrdinalIgnoreCase);
    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests that named the table <paramref name="tableName"/> (its full name, prefix included).</summary>
    public long RequestsTo(string tableName) => _byTable.GetValueOrDefault(tableName);

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _requests);
        _byTable.AddOrUpdate(TableOf(message.Request.Uri.Path), 1, (_, count) => count + 1);
    }

    // ".../<table>", ".../<table>(PartitionKey='..',RowKey='..')" or ".../<table>()": the last segment up to its '('.
    private static string TableOf(string path)
    {
        var segment = path.TrimEnd('/');
        segment = segment[(segment.LastIndexOf('/') + 1)..];
        var parenthesis = segment.IndexOf('(', StringComparison.Ordinal);
        return parenthesis < 0 ? segment : segment[..parenthesis];
    }
}
