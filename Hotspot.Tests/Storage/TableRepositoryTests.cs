using Azure;
using Azure.Data.Tables;
using Hotspot.Hosting;
using Hotspot.Storage;
using Hotspot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableRepositoryTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ServiceProvider _services = BuildServices(azurite.ConnectionString, AzuriteFixture.NewTablePrefix());

    private TableStore Store => _services.GetRequiredService<TableStore>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Adding_an_existing_key_is_a_conflict_and_keeps_the_first_value()
    {
        var repository = Store.Repository<TableEntity>("Items");
        await repository.AddAsync(new TableEntity("tenant-a", "item-1") { ["Name"] = "first" }, CancellationToken.None);

        await Assert.ThrowsAsync<EntityAlreadyExistsException>(() =>
            repository.AddAsync(new TableEntity("tenant-a", "item-1") { ["Name"] = "second" }, CancellationToken.None));

        var stored = await repository.GetAsync("tenant-a", "item-1", CancellationToken.None);
        Assert.Equal("first", stored!.GetString("Name"));
    }

    [Fact]
    public async Task An_update_from_a_stale_read_is_a_conflict_not_a_silent_overwrite()
    {
        var repository = Store.Repository<TableEntity>("Items");
        await repository.AddAsync(new TableEntity("tenant-a", "item-2") { ["Count"] = 1 }, CancellationToken.None);
        var readByA = await repository.GetAsync("tenant-a", "item-2", CancellationToken.None);
        var readByB = await repository.GetAsync("tenant-a", "item-2", CancellationToken.None);

        readByA!["Count"] = 2;
        await repository.UpdateAsync(readByA, CancellationToken.None);
        readByB!["Count"] = 3;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.UpdateAsync(readByB, CancellationToken.None));

        var stored = await repository.GetAsync("tenant-a", "item-2", CancellationToken.None);
        Assert.Equal(2, stored!.GetInt32("Count"));
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_is_a_conflict_and_a_missing_item_reports_false()
    {
        var repository = Store.Repository<TableEntity>("Items");
        var added = await repository.AddAsync(new TableEntity("tenant-a", "item-3"), CancellationToken.None);
        var staleEtag = added.ETag;
        added["Changed"] = true;
        await repository.UpdateAsync(added, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.DeleteAsync("tenant-a", "item-3", staleEtag, CancellationToken.None));
        Assert.True(await repository.DeleteAsync("tenant-a", "item-3", ETag.All, CancellationToken.None));
        Assert.False(await repository.DeleteAsync("tenant-a", "item-3", ETag.All, CancellationToken.None));
    }

    [Fact]
    public async Task Pages_follow_continuation_tokens_and_stay_inside_the_partition()
    {
        var repository = Store.Repository<TableEntity>("Paged");
        var writes = Enumerable.Range(0, 7)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("tenant-a", $"row-{i:D2}")))
            .ToList();
        await repository.SubmitAsync(writes, CancellationToken.None);
        await repository.AddAsync(new TableEntity("tenant-b", "row-00"), CancellationToken.None);

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await repository.QueryPageAsync("tenant-a", 3, token, CancellationToken.None);
            seen.AddRange(page.Items.Select(e => e.RowKey));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"row-{i:D2}"), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task A_transaction_that_fails_writes_nothing()
    {
        var repository = Store.Repository<TableEntity>("Atomic");
        await repository.AddAsync(new TableEntity("tenant-a", "taken"), CancellationToken.None);

        await Assert.ThrowsAsync<EntityAlreadyExistsException>(() => repository.SubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("tenant-a", "fresh")),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("tenant-a", "taken")),
            ],
            CancellationToken.None));

        Assert.Null(await repository.GetAsync("tenant-a", "fresh", CancellationToken.None));
    }

    [Fact]
    public async Task Table_prefixes_keep_two_deployments_on_one_account_apart()
    {
        using var other = BuildServices(azurite.ConnectionString, AzuriteFixture.NewTablePrefix());
        await Store.Repository<TableEntity>("Shared").AddAsync(new TableEntity("p", "r"), CancellationToken.None);

        var fromOther = await other.GetRequiredService<TableStore>().Repository<TableEntity>("Shared").GetAsync("p", "r", CancellationToken.None);

        Assert.Null(fromOther);
    }

    private static ServiceProvider BuildServices(string connectionString, string prefix)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hotspot:Storage:ConnectionString"] = connectionString,
                ["Hotspot:Storage:TablePrefix"] = prefix,
            })
            .Build();
        return new ServiceCollection().AddLogging().AddHotspot(configuration).BuildServiceProvider();
    }
}
