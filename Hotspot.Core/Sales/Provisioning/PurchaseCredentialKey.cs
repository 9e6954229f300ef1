using System.Security.Cryptography;
using Hotspot.Secrets;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Provisioning;

/// <summary>The secret version every instance derives purchase credentials from. Partition "secreto", row = the secret's name.</summary>
public sealed class SecretChoiceEntity : StoredEntity
{
    public string Version { get; set; } = "";

    public DateTimeOffset ElegidaEn { get; set; }
}

/// <summary>
/// The key purchase passwords and consult tokens are derived from (<c>purchase-credential-key</c> in the secret store).
/// Neither store can create a secret only if absent (Key Vault has no conditional write), so a burst of first purchases
/// may write several versions. They converge through the table: the version is chosen by an atomic insert of one row
/// naming it (insert-if-absent, 409 = someone chose first), every instance reads that row and then that exact version
/// (a version never changes), and caches the key. Extra versions written by losers are never read.
/// </summary>
public sealed class PurchaseCredentialKey(ISecretStore secrets, TableStore store, TimeProvider clock) : IDisposable
{
    public const string SecretName = "purchase-credential-key";
    public const string TableName = "SecretosElegidos";
    private const string Partition = "secreto";
    private readonly TableRepository<SecretChoiceEntity> _choices = store.Repository<SecretChoiceEntity>(TableName);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public async ValueTask<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (_key is { } key)
        {
            return key;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _key ??= await ResolveAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<byte[]> ResolveAsync(CancellationToken cancellationToken)
    {
        var choice = await _choices.GetAsync(Partition, SecretName, cancellationToken) ?? await ChooseAsync(cancellationToken);
        var value = await secrets.GetVersionAsync(SecretName, choice.Version, cancellationToken)
            ?? throw new InvalidOperationException($"The chosen version of {SecretName} is missing from the secret store (was the store replaced?).");
        return Convert.FromBase64String(value);
    }

    private async Task<SecretChoiceEntity> ChooseAsync(CancellationToken cancellationToken)
    {
        // A key made before choices were recorded keeps being used: its oldest version, the one readers used then.
        var versions = await secrets.GetVersionsAsync(SecretName, cancellationToken);
        var version = versions.Where(v => v.Id is not null).OrderBy(v => v.CreatedOn).ThenBy(v => v.Id, StringComparer.Ordinal).FirstOrDefault()?.Id
            ?? await secrets.SetAsync(SecretName, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);
        try
        {
            return await _choices.AddAsync(
                new SecretChoiceEntity { PartitionKey = Partition, RowKey = SecretName, Version = version, ElegidaEn = clock.GetUtcNow() }, cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
            return await _choices.GetAsync(Partition, SecretName, cancellationToken)
                ?? throw new InvalidOperationException("A secret choice vanished after it was found taken.");
        }
    }
}
