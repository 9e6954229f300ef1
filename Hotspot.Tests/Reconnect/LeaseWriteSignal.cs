using Azure.Core;
using Azure.Core.Pipeline;
using Hotspot.Reconnect;

namespace Hotspot.Tests.Reconnect;

/// <summary>Once armed, completes when storage has accepted a write to the lease table.</summary>
internal sealed class LeaseWriteSignal : HttpPipelinePolicy
{
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed;

    public void Arm() => Volatile.Write(ref _armed, 1);

    public Task Written => _written.Task;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The table client is used asynchronously.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        await ProcessNextAsync(message, pipeline);
        var write = message.Request.Method != RequestMethod.Get && message.Request.Uri.Path.Contains(FamilyLeases.Table, StringComparison.OrdinalIgnoreCase);
        if (write && Volatile.Read(ref _armed) == 1 && message.Response.Status is >= 200 and < 300)
        {
            _written.TrySetResult();
        }
    }
}
