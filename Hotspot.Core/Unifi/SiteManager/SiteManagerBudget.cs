using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Hotspot.Unifi.SiteManager;

/// <summary>
/// The Site Manager's request budget per API key (its rate limit is per key, per minute), counted on this instance in
/// fixed one-minute windows. A request over the budget is not sent: the caller answers 503 with the window's rest as
/// <c>Retry-After</c>, instead of spending the console's budget on requests Ubiquiti would refuse with 429.
/// </summary>
public sealed class SiteManagerBudget(TimeProvider time, int requestsPerMinute)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    public int RequestsPerMinute { get; } = requestsPerMinute;

    /// <summary>Takes one request of the key's budget; null when granted, else how long until the next window.</summary>
    public TimeSpan? TryTake(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        if (RequestsPerMinute <= 0)
        {
            return null;
        }

        // Keyed by a hash: the key itself is kept only where it is needed, in the secret store's cache.
        var counter = _counters.GetOrAdd(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey))), _ => new Counter());
        var now = time.GetUtcNow();
        lock (counter)
        {
            if (now >= counter.WindowStart + Window)
            {
                counter.WindowStart = now;
                counter.Used = 0;
            }

            if (counter.Used >= RequestsPerMinute)
            {
                var rest = counter.WindowStart + Window - now;
                return rest < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : rest;
            }

            counter.Used++;
            return null;
        }
    }

    private sealed class Counter
    {
        public DateTimeOffset WindowStart { get; set; } = DateTimeOffset.MinValue;

        public int Used { get; set; }
    }
}
