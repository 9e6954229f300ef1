using System.Diagnostics;

namespace Hotspot.Storage;

/// <summary>
/// Retries a write that lost an ETag race: each loser waits a short random while (growing with each loss) before trying
/// again, so a burst spreads out instead of colliding in lockstep; one that keeps losing for <see cref="Budget"/> gets
/// <see cref="StoreContendedException"/>, which callers answer as 503 with Retry-After.
/// </summary>
public static class ContentionRetry
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);
    private const int MaxBackoffMilliseconds = 200;

    public static async Task<T> RunAsync<T>(Func<Task<T>> attempt, Func<Exception, bool> lostRace, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(lostRace);

        // Real elapsed time, not the product's clock: this bounds how long a request waits, whatever the clock says.
        var started = Stopwatch.GetTimestamp();
        for (var losses = 1; Stopwatch.GetElapsedTime(started) < Budget; losses++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (lostRace(e))
            {
                var ceiling = Math.Min(MaxBackoffMilliseconds, 5 * losses);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, ceiling + 1)), cancellationToken);
            }
        }

        throw new StoreContendedException(what);
    }
}
