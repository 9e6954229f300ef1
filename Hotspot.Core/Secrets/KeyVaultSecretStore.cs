using System.Collections.Concurrent;
using Azure;
using Azure.Security.KeyVault.Secrets;

namespace Hotspot.Secrets;

/// <summary>
/// Key Vault through the managed identity. Values are cached for a few minutes per instance: router connections and
/// token checks read secrets often, Key Vault is metered and throttled, and a rotation may take that long to arrive.
/// </summary>
public sealed class KeyVaultSecretStore(SecretClient client, TimeProvider time) : ISecretStore
{
    private const int VersionsKept = 3;
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (string? Value, DateTimeOffset ReadAt)> _current = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (IReadOnlyList<SecretVersion> Versions, DateTimeOffset ReadAt)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, string Version), string> _pinned = new();

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (_current.TryGetValue(name, out var cached) && time.GetUtcNow() - cached.ReadAt < CacheLifetime)
        {
            return cached.Value;
        }

        string? value;
        try
        {
            KeyVaultSecret secret = await client.GetSecretAsync(name, cancellationToken: cancellationToken);
            value = secret.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            value = null;
        }

        _current[name] = (value, time.GetUtcNow());
        return value;
    }

    public async Task<IReadOnlyList<SecretVersion>> GetVersionsAsync(string name, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(name, out var cached) && time.GetUtcNow() - cached.ReadAt < CacheLifetime)
        {
            return cached.Versions;
        }

        var properties = new List<SecretProperties>();
        try
        {
            await foreach (var version in client.GetPropertiesOfSecretVersionsAsync(name, cancellationToken))
            {
                if (version.Enabled == true && version.CreatedOn is not null)
                {
                    properties.Add(version);
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        var newest = properties.OrderByDescending(p => p.CreatedOn).Take(VersionsKept).ToList();
        var values = await Task.WhenAll(newest.Select(p => client.GetSecretAsync(name, p.Version, cancellationToken)));
        IReadOnlyList<SecretVersion> versions = newest.Zip(values, (p, v) => new SecretVersion(v.Value.Value, p.CreatedOn!.Value, p.Version)).ToList();
        _cache[name] = (versions, time.GetUtcNow());
        return versions;
    }

    public async Task<string?> GetVersionAsync(string name, string version, CancellationToken cancellationToken)
    {
        if (_pinned.TryGetValue((name, version), out var value))
        {
            return value;
        }

        try
        {
            KeyVaultSecret secret = await client.GetSecretAsync(name, version, cancellationToken);
            return _pinned[(name, version)] = secret.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<string> SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        KeyVaultSecret stored = await client.SetSecretAsync(name, value, cancellationToken);
        _cache.TryRemove(name, out _);
        _current[name] = (value, time.GetUtcNow());
        _pinned[(name, stored.Properties.Version)] = value;
        return stored.Properties.Version;
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        _cache.TryRemove(name, out _);
        _current.TryRemove(name, out _);
        foreach (var pinned in _pinned.Keys.Where(key => key.Name == name))
        {
            _pinned.TryRemove(pinned, out _);
        }

        try
        {
            await client.StartDeleteSecretAsync(name, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone.
        }
    }
}
