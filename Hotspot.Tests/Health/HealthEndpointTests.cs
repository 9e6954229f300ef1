using System.Net;
using System.Text.Json;
using Hotspot.DevHost.Storage;
using Hotspot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Health;

[Collection(AzuriteCollection.Name)]
public sealed class HealthEndpointTests(DevHostFixture shared) : IClassFixture<DevHostFixture>
{
    [Fact]
    public async Task Health_is_200_with_storage_ok_when_the_table_service_answers()
    {
        using var response = await shared.Client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"ok","storage":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DevHost_without_storage_settings_runs_its_own_Azurite_answers_503_when_it_stops_and_leaves_no_process()
    {
        await using var host = await RunningDevHost.StartAsync(new Dictionary<string, string?>());
        var ownAzurite = host.Services.GetRequiredService<LocalAzurite>();

        using (var healthy = await host.Client.GetAsync(new Uri("/api/health", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        await ownAzurite.DisposeAsync();
        Assert.False(ownAzurite.IsRunning);

        using var degraded = await host.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, degraded.StatusCode);
        using var body = JsonDocument.Parse(await degraded.Content.ReadAsStringAsync());
        Assert.Equal("unreachable", body.RootElement.GetProperty("storage").GetString());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Stopping_the_DevHost_stops_the_Azurite_it_started()
    {
        var host = await RunningDevHost.StartAsync(new Dictionary<string, string?>());
        var ownAzurite = host.Services.GetRequiredService<LocalAzurite>();
        Assert.True(ownAzurite.IsRunning);

        await host.DisposeAsync();

        Assert.False(ownAzurite.IsRunning);
    }

    [Fact]
    public async Task Unknown_path_is_404()
    {
        using var response = await shared.Client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
