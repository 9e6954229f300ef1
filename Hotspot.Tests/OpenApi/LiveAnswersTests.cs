using System.Net;
using Hotspot.Http;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Portal;

namespace Hotspot.Tests.OpenApi;

/// <summary>A sample of real answers, success and failure, from the DevHost over a simulated router, each checked against its route's declared contract.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LiveAnswersTests(AzuriteFixture azurite)
{
    private readonly DeclaredSchemas _schemas = new();

    [Fact]
    public async Task Live_answers_have_a_declared_status_media_type_and_schema()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        var host = world.Host;
        var root = world.RootToken;
        var client = await world.Router.ConnectAsync();
        await client.AddHotspotUserProfileAsync(new NewHotspotUserProfile("5Mbps-1hora"), default);
        await client.AddHotspotUserAsync(new NewHotspotUser("AB3C9D", "4821") { Profile = "5Mbps-1hora", Comment = "MODE=RANDMAC TL=3600 TA=1800" }, default);
        world.Router.State.AddHost("11:22:33:44:55:66", "192.168.88.175");
        var empresaId = (await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, world.RouterPath, root)).GetProperty("empresa_id").GetInt64();
        var reconnect = new { username = "AB3C9D", password = "4821", current_mac = "11:22:33:44:55:66", current_ip = "192.168.88.175" };

        (HotspotRoute Route, HttpMethod Verb, string Path, string? Bearer, object? Body, string? ApiKey)[] calls =
        [
            (RouteTable.Health, HttpMethod.Get, "/api/health", null, null, null),
            (RouteTable.Login, HttpMethod.Post, "/api/v1/auth/login", null, new { email = "nobody@hotspot.test", password = "wrong-password" }, null),
            (RouteTable.Login, HttpMethod.Post, "/api/v1/auth/login", null, "{not json", null),
            (RouteTable.CreateEmpresa, HttpMethod.Post, "/api/v1/admin/empresas", root, new { nombre = "Contract Café", email_contacto = "ops@cafe.test" }, null),
            (RouteTable.CreateEmpresa, HttpMethod.Post, "/api/v1/admin/empresas", root, new { nombre = 42 }, null),
            (RouteTable.ListEmpresas, HttpMethod.Get, "/api/v1/admin/empresas?limit=2", root, null, null),
            (RouteTable.ListEmpresas, HttpMethod.Get, "/api/v1/admin/empresas?limit=0", root, null, null),
            (RouteTable.GetEmpresa, HttpMethod.Get, $"/api/v1/admin/empresas/{empresaId}", root, null, null),
            (RouteTable.GetMiEmpresa, HttpMethod.Get, "/api/v1/admin/mi-empresa", root, null, null),
            (RouteTable.ListUsuarios, HttpMethod.Get, "/api/v1/admin/usuarios", root, null, null),
            (RouteTable.ListRouters, HttpMethod.Get, $"/api/v1/admin/empresas/{empresaId}/routers", root, null, null),
            (RouteTable.GetRouter, HttpMethod.Get, world.RouterPath, root, null, null),
            (RouteTable.GetRouter, HttpMethod.Get, "/api/v1/admin/routers/999999", root, null, null),
            (RouteTable.TestRouterConnection, HttpMethod.Post, $"{world.RouterPath}/test-connection", root, null, null),
            (RouteTable.ListApiKeys, HttpMethod.Get, $"{world.RouterPath}/api-keys", root, null, null),
            (RouteTable.IssueApiKey, HttpMethod.Post, $"{world.RouterPath}/api-keys", root, null, null),
            (RouteTable.SweepRouter, HttpMethod.Post, $"{world.RouterPath}/sweep", root, null, null),
            (RouteTable.ListAudit, HttpMethod.Get, "/api/v1/admin/audit", root, null, null),
            (RouteTable.ListAudit, HttpMethod.Get, "/api/v1/admin/audit", null, null, null),
            (RouteTable.RouterKeyInfo, HttpMethod.Get, "/api/v1/hotspot/router", null, null, world.ApiKey),
            (RouteTable.AutoReconnect, HttpMethod.Post, "/api/v1/hotspot/auto-reconnect", null, reconnect, world.ApiKey),
            (RouteTable.AutoReconnect, HttpMethod.Post, "/api/v1/hotspot/auto-reconnect", null, reconnect with { }, null),
            (RouteTable.AutoReconnect, HttpMethod.Post, "/api/v1/hotspot/auto-reconnect", null, new { username = "ZZZZZZ", current_mac = "11:22:33:44:55:67" }, world.ApiKey),
            (RouteTable.PortalLogin, HttpMethod.Post, "/api/v1/portal_login", null, new { data = "not json" }, world.ApiKey),
            (RouteTable.GetPortalLogin, HttpMethod.Get, "/api/v1/portal_login/424242", null, null, world.ApiKey),
            (RouteTable.ActionApi, HttpMethod.Get, "/api?action=get_voucher_users", null, null, world.ApiKey),
            (RouteTable.OpenApiDocument, HttpMethod.Get, "/api/openapi.json", null, null, null),
            (RouteTable.Logout, HttpMethod.Post, "/api/v1/auth/logout", root, null, null),
        ];

        var problems = new List<string>();
        var statuses = new HashSet<int>();
        foreach (var (route, verb, path, bearer, body, apiKey) in calls)
        {
            using var response = await host.SendAsync(verb, path, bearer, body, apiKey);
            statuses.Add((int)response.StatusCode);
            problems.AddRange(await _schemas.ProblemsAsync(route, verb, response));
        }

        Assert.Empty(problems);
        Assert.Superset(new HashSet<int> { 200, 201, 400, 401, 403, 404, 422 }, statuses);
    }
}
