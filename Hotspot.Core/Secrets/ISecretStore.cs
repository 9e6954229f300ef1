namespace Hotspot.Secrets;

/// <summary>
/// Where router passwords, UniFi API keys and signing secrets live: Key Vault in Azure, a local store in the DevHost.
/// Never a table in clear, never a response, never a log. Names are Key Vault names: letters, digits and '-'.
/// </summary>
public interface ISecretStore
{
    /// <summary>The current value, or null if there is none.</summary>
    Task<string?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>The enabled versions, newest first (at most a few): lets a rotated secret keep its predecessor valid for a while.</summary>
    Task<IReadOnlyList<SecretVersion>> GetVersionsAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// One version's value, or null if there is no such version. A version never changes, so a reader that names the
    /// version it was told to use never sees a stale or a newer value.
    /// </summary>
    Task<string?> GetVersionAsync(string name, string version, CancellationToken cancellationToken);

    /// <summary>Stores a new version that becomes the current value, and returns that version's id.</summary>
    Task<string> SetAsync(string name, string value, CancellationToken cancellationToken);

    /// <summary>Removes the secret; removing a missing one is not an error.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}

public sealed record SecretVersion(string Value, DateTimeOffset CreatedOn, string? Id = null);
