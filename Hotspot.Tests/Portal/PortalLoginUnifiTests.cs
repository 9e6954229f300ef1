using System.Net;
using System.Text.Json;
using Hotspot.Drivers;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Portal;

/// <summary>Seed 001's <c>portal_login</c> on a UniFi router (the UniFi simulator over HTTPS), through the DevHost.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PortalLoginUnifiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_seed_example_authorizes_the_guest_on_the_controller_for_the_session_timeout()
    {
        await using var world = await UnifiWorld.StartAsync(azurite);
        var (host, apiKey) = (world.Host, world.ApiKey);
        world.Simulator.State.Join(MacAddress.Parse("11:22:33:44:55:66"), "default");

        var created = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/portal_login/", apiKey, new { data = PortalLoginMikrotikTests.SeedData });
        var client = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/unifi/clients/11:22:33:44:55:66", apiKey);
        await host.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/portal_login/{created.GetProperty("page_id").GetInt64()}", apiKey);
        // UniFi disconnects a guest whose access is revoked.
        await host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, "/api/v1/unifi/clients/11:22:33:44:55:66", apiKey);

        Assert.Equal(PortalLoginMikrotikTests.SeedFields, created.EnumerateObject().Select(p => p.Name));
        Assert.True(client.GetProperty("authorized").GetBoolean(), client.ToString());
        await host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/portal_login", apiKey, new { data = PortalLoginMikrotikTests.SeedData });
    }

    [Fact]
    public async Task The_sweep_closes_a_UniFi_portal_session_at_its_timeout_and_revokes_the_guest_the_controller_still_holds()
    {
        await using var world = await UnifiWorld.StartAsync(azurite);
        var (host, apiKey) = (world.Host, world.ApiKey);
        world.Simulator.State.Join(MacAddress.Parse("11:22:33:44:55:66"), "default");
        var created = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/portal_login/", apiKey, new { data = PortalLoginMikrotikTests.SeedData });
        var page = $"/api/v1/portal_login/{created.GetProperty("page_id").GetInt64()}";

        host.Clock.Advance(TimeSpan.FromSeconds(3599));
        var early = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, world.RouterPath + "/sweep", world.RootToken);
        var open = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, page, apiKey);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var due = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, world.RouterPath + "/sweep", world.RootToken);
        var closed = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, page, apiKey);

        Assert.Equal(0, early.GetProperty("portal_sessions_ended").GetInt32());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("end_reason").ValueKind);
        Assert.Equal(1, due.GetProperty("portal_sessions_ended").GetInt32());
        Assert.Equal("session_timeout", closed.GetProperty("end_reason").GetString());
        await host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, "/api/v1/unifi/clients/11:22:33:44:55:66", apiKey);
    }
}
