using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Hotspot.Secrets;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Hotspot.Auth;

public enum SigningPurpose
{
    Session,
    ApiKey,
}

/// <summary>The key that signs new tokens and every key that still validates them.</summary>
public sealed record SigningKeys(SymmetricSecurityKey Current, IReadOnlyList<SymmetricSecurityKey> Valid);

/// <summary>
/// The HS256 secrets, one per purpose (sessions and router API keys never share one). Read from the secret store and
/// created there when missing (nobody types them); after a rotation the previous version stays valid for the grace
/// period. Cached per instance for a few minutes.
/// </summary>
public sealed class SigningKeyRing(ISecretStore secrets, IOptions<AuthOptions> options, TimeProvider time) : IDisposable
{
    private const int MinimumSecretBytes = 32;
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<SigningPurpose, (SigningKeys Keys, DateTimeOffset ReadAt)> _cache = new();
    private readonly SemaphoreSlim _loading = new(1, 1);

    public async ValueTask<SigningKeys> GetAsync(SigningPurpose purpose, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(purpose, out var cached) && time.GetUtcNow() - cached.ReadAt < CacheLifetime)
        {
            return cached.Keys;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(purpose, out cached) && time.GetUtcNow() - cached.ReadAt < CacheLifetime)
            {
                return cached.Keys;
            }

            var keys = await LoadAsync(purpose, cancellationToken);
            _cache[purpose] = (keys, time.GetUtcNow());
            return keys;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    private async Task<SigningKeys> LoadAsync(SigningPurpose purpose, CancellationToken cancellationToken)
    {
        var configured = purpose == SigningPurpose.Session ? options.Value.SessionSecret : options.Value.ApiKeySecret;
        if (configured is not null)
        {
            var key = ToKey(configured);
            return new SigningKeys(key, [key]);
        }

        var name = purpose == SigningPurpose.Session ? SecretNames.SessionSigning : SecretNames.ApiKeySigning;
        var versions = await secrets.GetVersionsAsync(name, cancellationToken);
        if (versions.Count == 0)
        {
            await secrets.SetAsync(name, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)), cancellationToken);
            versions = await secrets.GetVersionsAsync(name, cancellationToken);
        }

        var grace = TimeSpan.FromHours(options.Value.SecretRotationGraceHours);
        var now = time.GetUtcNow();
        var valid = new List<SymmetricSecurityKey> { ToKey(versions[0].Value) };
        // A version stays valid until grace has passed since the version that replaced it was created.
        for (var i = 1; i < versions.Count && now - versions[i - 1].CreatedOn < grace; i++)
        {
            valid.Add(ToKey(versions[i].Value));
        }

        return new SigningKeys(valid[0], valid);
    }

    private static SymmetricSecurityKey ToKey(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < MinimumSecretBytes)
        {
            throw new InvalidOperationException($"A JWT signing secret must be at least {MinimumSecretBytes} bytes long.");
        }

        return new SymmetricSecurityKey(bytes);
    }
}
