using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Hotspot.Storage;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Auth;

/// <summary>Recent attempts of one subject (an account, a client address, a voucher, a device), hashed: nothing in clear.</summary>
public sealed class LoginFailuresEntity : StoredEntity
{
    /// <summary>Unix milliseconds of each attempt inside the window that was not a success, oldest first, comma-separated.</summary>
    public string Failures { get; set; } = "";
}

/// <summary>
/// One thing attempts are counted against: <paramref name="Limit"/> attempts within <see cref="LoginThrottle.Window"/>.
/// A success clears the subject's record when <paramref name="ClearedBySuccess"/> (an account proven by its password),
/// otherwise it only gives back the attempt it had taken (an address is never cleared by an attacker's own account).
/// </summary>
public sealed record ThrottleSubject(bool IsAddress, string Value, int Limit, bool ClearedBySuccess);

/// <summary>An attempt's places, taken before the secret is checked; or, when <see cref="RetryAfter"/> is set, none.</summary>
public sealed class ThrottledAttempt
{
    internal ThrottledAttempt(TimeSpan? retryAfter, IReadOnlyList<(ThrottleSubject Subject, long At)> taken)
    {
        RetryAfter = retryAfter;
        Taken = taken;
    }

    /// <summary>How long the caller must wait; null when the attempt may go ahead.</summary>
    public TimeSpan? RetryAfter { get; }

    internal IReadOnlyList<(ThrottleSubject Subject, long At)> Taken { get; }
}

/// <summary>
/// Brute-force throttle in Table Storage, so that every instance sees the same count: 5 failures of one account or 20
/// from one address within 15 minutes lock further attempts (even with the right password) until the window passes.
/// An attempt takes its place in every record (ETag-checked) before the password is verified, so a burst of any size, on
/// any number of instances, verifies at most the allowed number; a failure simply keeps its place.
/// </summary>
public sealed class LoginThrottle(TableStore store, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public const int AccountLimit = 5;
    public const int AddressLimit = 20;
    private const string AccountPartition = "account";
    private const string AddressPartition = "address";

    // Each lost ETag race means another writer got in; past this many the record is too contended to wait for.
    private const int WriteAttempts = 50;
    private static readonly TimeSpan ContendedRetryAfter = TimeSpan.FromSeconds(1);
    private readonly TableRepository<LoginFailuresEntity> _failures = store.Repository<LoginFailuresEntity>(TableNames.LoginThrottle);

    /// <summary>The subjects of an admin login or password check: the account (by email) and the client address.</summary>
    public static IReadOnlyList<ThrottleSubject> Login(string account, string address) =>
        [new(false, account, AccountLimit, ClearedBySuccess: true), new(true, address, AddressLimit, ClearedBySuccess: false)];

    /// <summary>Takes a place for this attempt in every subject's record, or none when one of them is full.</summary>
    public async Task<ThrottledAttempt> ReserveAsync(IReadOnlyList<ThrottleSubject> subjects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var reads = await Task.WhenAll(subjects.Select(s => _failures.GetAsync(PartitionOf(s), KeyOf(s.Value), cancellationToken)));
        var now = time.GetUtcNow();
        var locked = subjects.Select((s, i) => LockedFor(reads[i], s.Limit, now)).Where(w => w is not null).Max();
        if (locked is not null)
        {
            return new ThrottledAttempt(locked, []);
        }

        var taken = new List<(ThrottleSubject, long)>();
        foreach (var subject in subjects)
        {
            var (at, wait) = await TakeAsync(subject, cancellationToken);
            if (wait is not null)
            {
                await ReleaseAllAsync(taken);
                return new ThrottledAttempt(wait, []);
            }

            taken.Add((subject, at));
        }

        return new ThrottledAttempt(null, taken);
    }

    /// <summary>The secret was right: accounts are cleared, every other subject gets its place back.</summary>
    public Task SucceededAsync(ThrottledAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return Task.WhenAll(attempt.Taken.Select(t => t.Subject.ClearedBySuccess
            ? _failures.DeleteAsync(PartitionOf(t.Subject), KeyOf(t.Subject.Value), ETag.All, CancellationToken.None)
            : ReleaseAsync(t.Subject, t.At)));
    }

    /// <summary>Retention: drops the records whose every failure has left the window (they lock nothing any more).</summary>
    public async Task<int> DropStaleAsync(CancellationToken cancellationToken)
    {
        var dropped = 0;
        foreach (var partition in new[] { AccountPartition, AddressPartition })
        {
            await foreach (var record in _failures.StreamPartitionAsync(partition, cancellationToken))
            {
                try
                {
                    if (Recent(record, time.GetUtcNow()).Count == 0 && await _failures.DeleteAsync(partition, record.RowKey, record.ETag, cancellationToken))
                    {
                        dropped++;
                    }
                }
                catch (ConcurrencyConflictException)
                {
                    // A failure was recorded meanwhile: the record is live again.
                }
            }
        }

        return dropped;
    }

    private static TimeSpan? LockedFor(LoginFailuresEntity? entity, int limit, DateTimeOffset now)
    {
        var recent = Recent(entity, now);
        if (recent.Count < limit)
        {
            return null;
        }

        // Unlocked when enough of the oldest failures have left the window to fall under the limit.
        var unlockAt = DateTimeOffset.FromUnixTimeMilliseconds(recent[recent.Count - limit]) + Window;
        return unlockAt - now;
    }

    /// <summary>Appends this attempt if the record has room, as one ETag-checked write; else how long to wait.</summary>
    private async Task<(long At, TimeSpan? Wait)> TakeAsync(ThrottleSubject subject, CancellationToken cancellationToken)
    {
        var (partition, key) = (PartitionOf(subject), KeyOf(subject.Value));
        for (var attempt = 0; attempt < WriteAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var entity = await _failures.GetAsync(partition, key, cancellationToken);
            if (LockedFor(entity, subject.Limit, now) is { } wait)
            {
                return (0, wait);
            }

            var at = now.ToUnixTimeMilliseconds();
            var recent = Recent(entity, now);
            recent.Add(at);
            try
            {
                await WriteAsync(entity, partition, key, recent, cancellationToken);
                return (at, null);
            }
            catch (Exception e) when (e is EntityAlreadyExistsException or ConcurrencyConflictException)
            {
                // Another attempt wrote first: look again at what is left.
            }
        }

        return (0, ContendedRetryAfter);
    }

    private Task ReleaseAllAsync(IEnumerable<(ThrottleSubject Subject, long At)> taken) =>
        Task.WhenAll(taken.Select(t => ReleaseAsync(t.Subject, t.At)));

    /// <summary>Removes one attempt taken at <paramref name="at"/> (any one: equal times are interchangeable).</summary>
    private async Task ReleaseAsync(ThrottleSubject subject, long at)
    {
        var (partition, key) = (PartitionOf(subject), KeyOf(subject.Value));
        for (var attempt = 0; attempt < WriteAttempts; attempt++)
        {
            var entity = await _failures.GetAsync(partition, key, CancellationToken.None);
            var recent = Recent(entity, time.GetUtcNow());
            if (entity is null || !recent.Remove(at))
            {
                return;
            }

            try
            {
                await WriteAsync(entity, partition, key, recent, CancellationToken.None);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // Changed meanwhile: remove ours from what is there now.
            }
        }
    }

    private async Task WriteAsync(LoginFailuresEntity? entity, string partition, string key, List<long> recent, CancellationToken cancellationToken)
    {
        var failures = string.Join(',', recent.Select(ms => ms.ToString(CultureInfo.InvariantCulture)));
        if (entity is null)
        {
            await _failures.AddAsync(new LoginFailuresEntity { PartitionKey = partition, RowKey = key, Failures = failures }, cancellationToken);
        }
        else
        {
            entity.Failures = failures;
            await _failures.UpdateAsync(entity, cancellationToken);
        }
    }

    private static List<long> Recent(LoginFailuresEntity? entity, DateTimeOffset now)
    {
        var cutoff = (now - Window).ToUnixTimeMilliseconds();
        return string.IsNullOrEmpty(entity?.Failures)
            ? []
            : entity.Failures.Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).Where(ms => ms > cutoff).Order().ToList();
    }

    private static string PartitionOf(ThrottleSubject subject) => subject.IsAddress ? AddressPartition : AccountPartition;

    private static string KeyOf(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant())));
}
