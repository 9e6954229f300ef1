using System.Collections.Concurrent;

namespace Hotspot.Simulators.Payments;

/// <summary>
/// First answers by idempotency key, per account: a retry with the same key gets the same status and body instead of
/// a second object. The request's fingerprint is kept so a reused key with other parameters can be told apart.
/// </summary>
public sealed class IdempotencyCache
{
    private readonly ConcurrentDictionary<(SimulatedAccount, string), Lazy<Task<StoredAnswer>>> _answers = new();

    /// <summary>Runs <paramref name="create"/> once per key; concurrent and later calls with the key share its answer.</summary>
    public async Task<(StoredAnswer Answer, bool Replayed)> GetOrCreateAsync(SimulatedAccount account, string key, string fingerprint, Func<StoredAnswer> create)
    {
        var mine = new Lazy<Task<StoredAnswer>>(() => Task.FromResult(create() with { Fingerprint = fingerprint }));
        var stored = _answers.GetOrAdd((account, key), mine);
        var answer = await stored.Value;
        return (answer, !ReferenceEquals(stored, mine));
    }
}

public sealed record StoredAnswer(int StatusCode, string Body, string Fingerprint = "");
