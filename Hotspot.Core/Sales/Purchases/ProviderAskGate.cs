using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Hotspot.Sales.Purchases;

/// <summary>
/// Lets a buyer's signal (the portal's poll, the provider's return redirect) ask the provider about a purchase at most
/// once per <see cref="PurchaseOptions.ProviderPollSeconds"/>. The stored <see cref="CompraEntity.ConsultadaEn"/> holds
/// the interval across instances; a claim in memory holds it within one while a burst of calls all read the same row
/// before any of them wrote the time it asked.
/// </summary>
public sealed class ProviderAskGate(IOptions<PurchaseOptions> options, TimeProvider clock)
{
    /// <summary>Past this many remembered claims, the ones whose interval is over are forgotten.</summary>
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _claims = new(StringComparer.Ordinal);

    /// <summary>True for the one caller that may ask the provider now; false while the purchase's interval runs.</summary>
    public bool TryClaim(CompraEntity compra)
    {
        ArgumentNullException.ThrowIfNull(compra);
        var interval = TimeSpan.FromSeconds(options.Value.ProviderPollSeconds);
        var now = clock.GetUtcNow();
        if (compra.ConsultadaEn is { } asked && now - asked < interval)
        {
            return false;
        }

        if (interval == TimeSpan.Zero)
        {
            return true;
        }

        Prune(now, interval);
        while (true)
        {
            if (_claims.TryAdd(compra.Id, now))
            {
                return true;
            }

            if (!_claims.TryGetValue(compra.Id, out var claimed))
            {
                continue;
            }

            if (now - claimed < interval)
            {
                return false;
            }

            if (_claims.TryUpdate(compra.Id, now, claimed))
            {
                return true;
            }
        }
    }

    private void Prune(DateTimeOffset now, TimeSpan interval)
    {
        if (_claims.Count <= PruneAbove)
        {
            return;
        }

        foreach (var (id, claimed) in _claims)
        {
            if (now - claimed >= interval)
            {
                _claims.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, claimed));
            }
        }
    }
}
