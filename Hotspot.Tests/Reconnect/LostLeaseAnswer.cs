using Azure.Core;
using Azure.Core.Pipeline;
using Hotspot.Reconnect;

namespace Hotspot.Tests.Reconnect;

/// <summary>
/// Storage under load: the answer to the first insert into the lease table is lost after the row was written (a
/// timeout, a dropped connection), so the client's retry policy sends the insert again and gets 409.
/// </summary>
internal sealed class LostLeaseAnswer : HttpPipelinePolicy
{
    private int _lost;

    public int Lost => Volatile.Read(ref _lost);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The table client is used asynchronously.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        await ProcessNextAsync(message, pipeline);
        var insert = message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith(FamilyLeases.Table, StringComparison.OrdinalIgnoreCase);
        if (insert && message.Response.Status is 201 or 204 && Interlocked.CompareExchange(ref _lost, 1, 0) == 0)
        {
            throw new IOException("the answer to the lease insert was lost");
        }
    }
}
