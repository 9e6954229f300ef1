using Hotspot.Drivers;

namespace Hotspot.Unifi;

/// <summary>
/// Bounds a whole driver operation, which takes several requests each with its own budget, so a portal request waits
/// at most <see cref="UnifiDriverOptions.OperationTimeout"/> for the controller.
/// </summary>
internal static class UnifiOperationBudget
{
    public static async Task<T> RunAsync<T>(string routerId, TimeSpan limit, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(limit);
        try
        {
            return await operation(budget.Token);
        }
        catch (OperationCanceledException e) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ControllerException(ControllerError.Unavailable,
                $"UniFi router {routerId} did not complete the operation within {limit.TotalSeconds:0.#} s.", null, e);
        }
    }
}
