using Hotspot.Testing;
using Hotspot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.DevHost;

/// <summary>What `./run.sh` prints: the product's own lines (the demo's key and password among them), not every HTTP call.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConsoleLogLevelTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_devhost_logs_its_own_information_but_only_warnings_of_the_http_clients()
    {
        await using var host = await RunningDevHost.StartAsync(azurite);
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        var httpClient = loggers.CreateLogger("System.Net.Http.HttpClient.stripe.LogicalHandler");
        var demo = loggers.CreateLogger(typeof(Hotspot.DevHost.Demo.DemoSeeder).FullName!);

        Assert.False(httpClient.IsEnabled(LogLevel.Information));
        Assert.True(httpClient.IsEnabled(LogLevel.Warning));
        Assert.True(demo.IsEnabled(LogLevel.Information));
    }
}
