namespace Hotspot.Reconnect;

/// <summary>
/// A family lease being taken while the router is read. Either the reconnect takes it (<see cref="TakeAsync"/>) or
/// disposing gives it back once it arrives, in the background, so that an answer that needed no lease never waits for one.
/// </summary>
internal sealed class EarlyLease(Task<FamilyLease?>? taking) : IAsyncDisposable
{
    private bool _taken;

    public bool Started => taking is not null;

    public Task<FamilyLease?> TakeAsync()
    {
        _taken = true;
        return taking ?? throw new InvalidOperationException("No lease was being taken.");
    }

    public ValueTask DisposeAsync()
    {
        if (!_taken && taking is not null)
        {
            _ = GiveBackAsync(taking);
        }

        return ValueTask.CompletedTask;
    }

    private static async Task GiveBackAsync(Task<FamilyLease?> taking)
    {
        try
        {
            if (await taking is { } lease)
            {
                await lease.DisposeAsync();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or Azure.RequestFailedException)
        {
            // Not taken after all; a lease taken whose answer was lost lapses after its duration.
        }
    }
}
