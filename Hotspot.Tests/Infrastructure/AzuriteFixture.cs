using Hotspot.DevHost.Storage;
using Hotspot.Testing;

namespace Hotspot.Tests.Infrastructure;

/// <summary>One Azurite for the tests of the <see cref="AzuriteCollection"/>, on a free loopback port, stopped at the end.</summary>
public sealed class AzuriteFixture : IAsyncLifetime, ITableStorage
{
    private LocalAzurite? _azurite;

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite has not started.")).ConnectionString;

    /// <summary>A table prefix no other test uses, so that tests sharing this Azurite never see each other's rows.</summary>
    public static string NewTablePrefix() => RunningDevHost.NewTablePrefix();

    public async Task InitializeAsync() => _azurite = await LocalAzurite.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
