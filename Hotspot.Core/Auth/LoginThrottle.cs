using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Hotspot.Storage;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Auth;

/// <summary>Recent failed attempts of one account or one client address (hashed: no email or address in clear).</summary>
public sealed class LoginFailuresEntity : StoredEntity
{
    /// <summary>Unix milliseconds of each failure inside the window, oldest first, comma-separated.</summary>
    public string Failures { get; set; } = "";
}

/// <summary>
/// Brute-force throttle in Table Storage, so that every instance sees the same count: 5 failures of one account or 20
/// from one address within 15 minutes lock further attempts (even with the right password) until the window passes.
/// </summary>
public sealed class LoginThrottle(TableStore store, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public const int AccountLimit = 5;
    public const int AddressLimit = 20;
    private const string AccountPartition = "account";
    private const string AddressPartition = "address";
    private readonly TableRepository<LoginFailuresEntity> _failures = store.Repository<LoginFailuresEntity>(TableNames.LoginThrottle);

    /// <summary>How long the caller must wait, or null when the attempt may go ahead.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string account, string address, CancellationToken cancellationToken)
    {
        var reads = await Task.WhenAll(
            _failures.GetAsync(AccountPartition, KeyOf(account), cancellationToken),
            _failures.GetAsync(AddressPartition, KeyOf(address), cancellationToken));
        var now = time.GetUtcNow();
        var waits = new[] { LockedFor(reads[0], AccountLimit, now), LockedFor(reads[1], AddressLimit, now) }
            .Where(w => w is not null)
            .ToList();
        return waits.Count == 0 ? null : waits.Max();
    }

    public Task RecordFailureAsync(string account, string address, CancellationToken cancellationToken) =>
        Task.WhenAll(
            AppendAsync(AccountPartition, KeyOf(account), cancellationToken),
            AppendAsync(AddressPartition, KeyOf(address), cancellationToken));

    /// <summary>A successful login clears the account's failures (never the address's: an attacker's own account must not reset them).</summary>
    public Task ResetAccountAsync(string account, CancellationToken cancellationToken) =>
        _failures.DeleteAsync(AccountPartition, KeyOf(account), ETag.All, cancellationToken);

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

    private async Task AppendAsync(string partition, string key, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var now = time.GetUtcNow();
            var entity = await _failures.GetAsync(partition, key, cancellationToken);
            var recent = Recent(entity, now);
            recent.Add(now.ToUnixTimeMilliseconds());
            var failures = string.Join(',', recent.Select(ms => ms.ToString(CultureInfo.InvariantCulture)));
            try
            {
                if (entity is null)
                {
                    await _failures.AddAsync(new LoginFailuresEntity { PartitionKey = partition, RowKey = key, Failures = failures }, cancellationToken);
                }
                else
                {
                    entity.Failures = failures;
                    await _failures.UpdateAsync(entity, cancellationToken);
                }

                return;
            }
            catch (Exception e) when (e is EntityAlreadyExistsException or ConcurrencyConflictException)
            {
                // A concurrent failure was recorded first; count ours on top of it.
            }
        }
    }

    private static List<long> Recent(LoginFailuresEntity? entity, DateTimeOffset now)
    {
        var cutoff = (now - Window).ToUnixTimeMilliseconds();
        return string.IsNullOrEmpty(entity?.Failures)
            ? []
            : entity.Failures.Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).Where(ms => ms > cutoff).Order().ToList();
    }

    private static string KeyOf(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant())));
}
