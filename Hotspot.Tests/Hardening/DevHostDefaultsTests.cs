using System.Net;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Unifi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Hardening;

/// <summary>The DevHost keeps its defaults wherever it is started from: a folder without appsettings.json logs no request at Information.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DevHostDefaultsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Started_from_a_folder_without_settings_it_does_not_log_every_request()
    {
        var elsewhere = Directory.CreateTempSubdirectory("hotspot-devhost-");
        try
        {
            var logs = new CapturedLogs();
            await using var host = await RunningDevHost.StartAsync(
                azurite, new Dictionary<string, string?> { ["contentRoot"] = elsewhere.FullName },
                services => services.AddLogging(b => b.AddProvider(logs)));

            using var response = await host.Client.GetAsync(new Uri("/api/health", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(logs.Lines, line => line.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && line.Contains(" Information: ", StringComparison.Ordinal));
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }
}
