using Hotspot.RouterOs;

namespace Hotspot.Sales.Provisioning.Mikrotik;

/// <summary>Router work within a bound: a router that is down, breaks the connection or does not answer in time is <see cref="ProvisioningStatus.RouterUnavailable"/>.</summary>
internal static class RouterWork
{
    public static async Task<ProvisioningResult> RunAsync(
        ProvisioningOrder order, TimeSpan bound, Func<CancellationToken, Task<ProvisioningResult>> work, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(bound);
        try
        {
            return await work(budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unavailable(order, $"no complete answer within {bound.TotalSeconds:0} s.");
        }
        catch (RouterOsException e)
        {
            return Unavailable(order, e.Message);
        }
    }

    private static ProvisioningResult Unavailable(ProvisioningOrder order, string why) =>
        new(ProvisioningStatus.RouterUnavailable, Detail: $"Router {order.RouterId}: {why}");
}
