using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Simulators.Unifi;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Unifi;

/// <summary><c>POST /api/v1/admin/routers/{id}/test-connection</c> on the DevHost against the UniFi simulator over HTTPS.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RouterTestConnectionTests(AzuriteFixture azurite)
{
    private const string Key = "site-key-93b1";

    [Fact]
    public async Task An_admin_tests_a_UniFi_router_and_sees_its_version_or_why_it_failed_without_the_key()
    {
        await using var simulator = await UnifiSimulator.StartAsync(new UnifiSimulatorOptions { ApiKey = Key }, default);
        await using var host = await AdminSession.StartAsync(azurite);
        var routerId = await AdminSession.CreateUnifiRouterAsync(host, simulator, Key);
        var test = $"/api/v1/admin/routers/{routerId}/test-connection";

        var ok = await AdminSession.PostAsync(host, test, new { });
        using (var patch = await host.Client.PatchAsJsonAsync(new Uri($"/api/v1/admin/routers/{routerId}", UriKind.Relative), new { api_key = "stale-key-77" }))
        {
            patch.EnsureSuccessStatusCode();
        }

        using var rejected = await host.Client.PostAsJsonAsync(new Uri(test, UriKind.Relative), new { });
        var rejectedText = await rejected.Content.ReadAsStringAsync();
        var failed = JsonDocument.Parse(rejectedText).RootElement;

        Assert.True(ok.GetProperty("ok").GetBoolean());
        Assert.Equal("unifi", ok.GetProperty("tipo").GetString());
        Assert.Equal(UnifiApiEndpoints.ApplicationVersion, ok.GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.False(failed.GetProperty("ok").GetBoolean());
        Assert.Equal("credentials_rejected", failed.GetProperty("error").GetString());
        Assert.Contains("API key", failed.GetProperty("mensaje").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("stale-key-77", rejectedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_router_that_does_not_exist_is_404()
    {
        await using var host = await AdminSession.StartAsync(azurite);

        using var response = await host.Client.PostAsJsonAsync(new Uri("/api/v1/admin/routers/987654/test-connection", UriKind.Relative), new { });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
