using Azure.Data.Tables;
using Hotspot.Sales.Provisioning;
using Hotspot.Secrets;
using Hotspot.Storage;
using Hotspot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Hotspot.Tests.Sales.Provisioning;

/// <summary>
/// purchase-credential-key made race-free: instances that start together on a fresh store (each with its own cache,
/// sharing the secret store and the tables, as Function instances share Key Vault and Storage) end on one key.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PurchaseCredentialKeyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Eight_instances_asking_at_once_on_a_fresh_store_all_derive_from_one_key_and_so_does_a_later_one()
    {
        var options = Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = AzuriteFixture.NewTablePrefix() });
        var tables = new TableStore(new TableServiceClient(azurite.ConnectionString), options);
        using var secrets = new LocalSecretStore(TimeProvider.System, filePath: null);
        var instances = Enumerable.Range(0, 8).Select(_ => new PurchaseCredentialKey(secrets, tables, TimeProvider.System)).ToList();
        using var later = new PurchaseCredentialKey(secrets, tables, TimeProvider.System);

        var keys = await Task.WhenAll(instances.Select(i => Task.Run(async () => await i.GetAsync(CancellationToken.None))));
        var afterwards = await later.GetAsync(CancellationToken.None);

        Assert.Single(keys.Select(Convert.ToBase64String).Distinct());
        Assert.Equal(keys[0], afterwards);
        instances.ForEach(i => i.Dispose());
    }
}
