using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Hotspot.ActionApi;
using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Storage;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Portal;

/// <summary>Router key scopes through HTTP: the published portal key opens only the portal routes; a server's integration key opens the rest.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class KeyScopeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_portal_key_gets_403_in_words_on_every_integration_route_and_an_integration_key_gets_through()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        var (_, portalKey) = await world.Host.IssueApiKeyAsync(world.RootToken, world.RouterId, KeyScopes.PortalName);
        var integrationRoutes = RouteTable.All.Where(r => r.Auth == AuthKind.IntegrationKey).ToList();

        var refused = new List<string>();
        var passed = new List<string>();
        foreach (var route in integrationRoutes)
        {
            var method = new HttpMethod(route.Verbs[0]);
            var path = route.Path.Replace("{pageId}", "1", StringComparison.Ordinal).Replace("{mac}", "11:22:33:44:55:66", StringComparison.Ordinal);
            object? body = method == HttpMethod.Post ? new { } : null;

            using var asPortal = await world.Host.SendAsync(method, path, json: body, apiKey: portalKey);
            var problem = await TenancyHost.JsonAsync(asPortal);
            if (asPortal.StatusCode == HttpStatusCode.Forbidden && asPortal.Content.Headers.ContentType?.MediaType == "application/problem+json"
                && problem.GetProperty("detail").GetString() == ApiKeyAuthenticator.PortalKeyRefused)
            {
                refused.Add(route.Name);
            }

            // Seed 001's Bearer form is refused the same way.
            using var asPortalBearer = await world.Host.SendAsync(method, path, portalKey, body);
            Assert.Equal(HttpStatusCode.Forbidden, asPortalBearer.StatusCode);

            using var asServer = await world.Host.SendAsync(method, path, json: body, apiKey: world.ApiKey);
            if (asServer.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized))
            {
                passed.Add(route.Name);
            }
        }

        var names = integrationRoutes.Select(r => r.Name).ToList();
        Assert.Contains("PortalLogin", names);
        Assert.Contains("UnifiAuthorize", names);
        Assert.Equal(names, refused);
        Assert.Equal(names, passed);
    }

    [Fact]
    public async Task The_action_API_refuses_a_portal_key_in_the_seeds_shape_by_parameter_body_and_header()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        await ActionApiClient.Enable(world.Host, world.RootToken, world.RouterId);
        var (_, portalKey) = await world.Host.IssueApiKeyAsync(world.RootToken, world.RouterId, KeyScopes.PortalName);

        var byQuery = await ActionApiClient.GetAsync(world.Host, $"api-key={portalKey}&action=get_voucher_users");
        var byBody = await ActionApiClient.PostAsync(world.Host, new Dictionary<string, string> { ["api-key"] = portalKey, ["action"] = "get_active_guests" });
        using var byHeader = await world.Host.SendAsync(HttpMethod.Get, "/api/?action=get_voucher_users", apiKey: portalKey);
        var headerBody = await TenancyHost.JsonAsync(byHeader);
        var asServer = await ActionApiClient.GetAsync(world.Host, $"api-key={world.ApiKey}&action=get_voucher_users");

        foreach (var (status, body) in new[] { byQuery, byBody, (byHeader.StatusCode, headerBody) })
        {
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal(["message", "error"], ActionApiClient.Names(body));
            Assert.Equal(ActionMessages.PortalKeyNotAllowed, body.GetProperty("message").GetString());
            Assert.True(body.GetProperty("error").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.OK, asServer.Status);
    }

    [Fact]
    public async Task A_portal_key_opens_every_portal_route_and_says_its_scope()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        var (_, portalKey) = await world.Host.IssueApiKeyAsync(world.RootToken, world.RouterId, KeyScopes.PortalName);

        foreach (var route in RouteTable.All.Where(r => r.Auth == AuthKind.PortalKey))
        {
            var method = new HttpMethod(route.Verbs[0]);
            var path = route.Path.Replace("{productoId}", "p1", StringComparison.Ordinal).Replace("{idCompra}", "c1", StringComparison.Ordinal);
            using var response = await world.Host.SendAsync(method, path, json: method == HttpMethod.Post ? new { } : null, apiKey: portalKey);
            Assert.False(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{route.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        using var whoAmI = await world.Host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: portalKey);
        Assert.Equal(KeyScopes.PortalName, (await TenancyHost.JsonAsync(whoAmI)).GetProperty("alcance").GetString());
        var listed = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{world.RouterPath}/api-keys", world.RootToken);
        Assert.Equal(
            [KeyScopes.IntegrationName, KeyScopes.PortalName],
            listed.GetProperty("items").EnumerateArray().Select(k => k.GetProperty("alcance").GetString()).Order());
    }

    [Fact]
    public async Task A_key_stored_before_scopes_is_a_portal_key_and_an_unknown_scope_is_422()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        var (keyId, oldKey) = await world.Host.IssueApiKeyAsync(world.RootToken, world.RouterId, KeyScopes.IntegrationName);
        var services = world.Host.Host.Services;
        var table = await services.GetRequiredService<TableStore>().Repository<ApiKeyEntity>(TableNames.ApiKeys).TableAsync(default);
        var stored = (await table.GetEntityAsync<TableEntity>(StoredEntity.Key(world.RouterId), keyId)).Value;
        stored.Remove(nameof(ApiKeyEntity.Alcance));
        await table.UpdateEntityAsync(stored, ETag.All, TableUpdateMode.Replace);
        services.GetRequiredService<TenancyCache>().ApiKeyChanged(keyId);

        using var login = await world.Host.SendAsync(HttpMethod.Post, "/api/v1/portal_login", oldKey, new { data = PortalLoginMikrotikTests.SeedData });
        using var catalog = await world.Host.SendAsync(HttpMethod.Get, "/api/v1/config/public", apiKey: oldKey);
        var bad = await world.Host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"{world.RouterPath}/api-keys", world.RootToken, new { alcance = "admin" });

        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
        Assert.Contains("alcance", bad.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regenerating_the_portal_key_leaves_the_integration_key_working()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        var (_, portalKey) = await world.Host.IssueApiKeyAsync(world.RootToken, world.RouterId, KeyScopes.PortalName);
        var renewed = await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{world.RouterPath}/api-keys/regenerate", world.RootToken, new { alcance = "portal" });

        using var oldPortal = await world.Host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: portalKey);
        using var newPortal = await world.Host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: renewed.GetProperty("api_key").GetString());
        using var server = await world.Host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: world.ApiKey);

        Assert.Equal(KeyScopes.PortalName, renewed.GetProperty("alcance").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, oldPortal.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPortal.StatusCode);
        Assert.Equal(HttpStatusCode.OK, server.StatusCode);
    }
}
