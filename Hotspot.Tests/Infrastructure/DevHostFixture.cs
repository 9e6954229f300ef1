namespace Hotspot.Tests.Infrastructure;

/// <summary>
/// One DevHost over the shared Azurite for the tests of a class that only read through it (health, documents, 404s):
/// started once for the class instead of once per test. A test that writes, or needs settings of its own, starts its own
/// <see cref="RunningDevHost"/>.
/// </summary>
public sealed class DevHostFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningDevHost? _host;

    public RunningDevHost Host => _host ?? throw new InvalidOperationException("The DevHost has not started.");

    public HttpClient Client => Host.Client;

    public async Task InitializeAsync() => _host = await RunningDevHost.StartAsync(azurite);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
