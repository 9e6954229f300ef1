using System.Collections.Concurrent;
using System.Text.Json;

namespace Hotspot.Secrets;

/// <summary>
/// The DevHost's secret store: in memory, or in a JSON file when <c>Hotspot:Secrets:LocalFile</c> is set (written
/// whole to a temporary file and renamed, so a crash never leaves half a file). Not for production.
/// </summary>
public sealed class LocalSecretStore(TimeProvider time, string? filePath) : ISecretStore, IDisposable
{
    private const int VersionsListed = 3;

    // More than are listed: a router row names the version it uses, and failed updates may have stored newer ones.
    private const int VersionsKept = 10;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private ConcurrentDictionary<string, List<SecretVersion>>? _secrets;

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var versions = await GetVersionsAsync(name, cancellationToken);
        return versions.Count > 0 ? versions[0].Value : null;
    }

    public async Task<IReadOnlyList<SecretVersion>> GetVersionsAsync(string name, CancellationToken cancellationToken) =>
        [.. (await StoredVersionsAsync(name, cancellationToken)).Take(VersionsListed)];

    public async Task<string?> GetVersionAsync(string name, string version, CancellationToken cancellationToken) =>
        (await StoredVersionsAsync(name, cancellationToken)).FirstOrDefault(v => v.Id == version)?.Value;

    public async Task<string> SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var secrets = await LoadAsync(cancellationToken);
            var next = new ConcurrentDictionary<string, List<SecretVersion>>(secrets);
            var versions = next.TryGetValue(name, out var existing) ? [.. existing] : new List<SecretVersion>();
            versions.Insert(0, new SecretVersion(value, time.GetUtcNow(), id));
            next[name] = versions.Take(VersionsKept).ToList();
            await PersistAsync(next, cancellationToken);
            _secrets = next;
            return id;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var secrets = await LoadAsync(cancellationToken);
            var next = new ConcurrentDictionary<string, List<SecretVersion>>(secrets);
            if (next.TryRemove(name, out _))
            {
                await PersistAsync(next, cancellationToken);
                _secrets = next;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose() => _writeLock.Dispose();

    private async Task<IReadOnlyList<SecretVersion>> StoredVersionsAsync(string name, CancellationToken cancellationToken)
    {
        var secrets = await LoadAsync(cancellationToken);
        if (!secrets.TryGetValue(name, out var versions))
        {
            return [];
        }

        lock (versions)
        {
            return [.. versions];
        }
    }

    private async ValueTask<ConcurrentDictionary<string, List<SecretVersion>>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_secrets is { } loaded)
        {
            return loaded;
        }

        var secrets = new ConcurrentDictionary<string, List<SecretVersion>>(StringComparer.Ordinal);
        if (filePath is not null && File.Exists(filePath))
        {
            await using var stream = File.OpenRead(filePath);
            var stored = await JsonSerializer.DeserializeAsync<Dictionary<string, List<SecretVersion>>>(stream, cancellationToken: cancellationToken);
            foreach (var (name, versions) in stored ?? [])
            {
                secrets[name] = versions;
            }
        }

        return _secrets ??= secrets;
    }

    private async Task PersistAsync(ConcurrentDictionary<string, List<SecretVersion>> secrets, CancellationToken cancellationToken)
    {
        if (filePath is null)
        {
            return;
        }

        var temporary = filePath + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, secrets, cancellationToken: cancellationToken);
        }

        File.Move(temporary, filePath, overwrite: true);
    }
}
