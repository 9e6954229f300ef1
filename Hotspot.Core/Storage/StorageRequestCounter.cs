using Azure.Core;
using Azure.Core.Pipeline;

namespace Hotspot.Storage;

/// <summary>
/// Counts every HTTP request the table client sends (retries included): the storage round trips of this instance,
/// observable by benchmarks and tests.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _requests);
}
