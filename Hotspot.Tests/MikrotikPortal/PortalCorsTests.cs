using System.Net;
using Hotspot.Http;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.MikrotikPortal;

/// <summary>
/// A portal page served by the router (origin <c>http://10.5.50.1</c>) calls the portal routes across origins: their
/// preflights are answered for the configured origins only, never with credentials; admin routes answer no CORS.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PortalCorsTests(AzuriteFixture azurite)
{
    private const string RouterPage = "http://10.5.50.1";

    private Task<TenancyHost> HostAsync(string origins) =>
        TenancyHost.StartAsync(azurite, new Dictionary<string, string?> { ["Hotspot:Cors:AllowedOrigins"] = origins });

    [Fact]
    public async Task A_preflight_from_an_allowed_router_page_is_answered_for_every_portal_route_and_from_another_origin_it_is_not()
    {
        await using var host = await HostAsync($"http://wifi.example.net, {RouterPage}");
        var portalRoutes = RouteTable.All.Where(r => r.Auth.IsRouterKey()).ToList();

        var allowed = new List<(string Route, HttpStatusCode Status, string? Origin, string? Headers, string? Methods, string? MaxAge, bool Credentials)>();
        foreach (var route in portalRoutes)
        {
            using var answer = await PreflightAsync(host, Concrete(route.Path), RouterPage, route.Verbs[0]);
            allowed.Add((route.Name, answer.StatusCode, Header(answer, "Access-Control-Allow-Origin"), Header(answer, "Access-Control-Allow-Headers"),
                Header(answer, "Access-Control-Allow-Methods"), Header(answer, "Access-Control-Max-Age"), answer.Headers.Contains("Access-Control-Allow-Credentials")));
        }

        using var stranger = await PreflightAsync(host, "/api/v1/hotspot/auto-reconnect", "http://evil.example", "POST");

        Assert.NotEmpty(portalRoutes);
        Assert.All(allowed, a =>
        {
            Assert.Equal(HttpStatusCode.NoContent, a.Status);
            Assert.Equal(RouterPage, a.Origin);
            Assert.Equal("Content-Type, X-API-Key, Authorization, Idempotency-Key, X-Compra-Token", a.Headers);
            Assert.Contains("POST", a.Methods, StringComparison.Ordinal);
            Assert.Equal("600", a.MaxAge);
            Assert.False(a.Credentials);
        });
        Assert.Equal(HttpStatusCode.NoContent, stranger.StatusCode);
        Assert.False(stranger.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(stranger.Headers.Contains("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task A_portal_answer_names_the_allowed_origin_even_when_it_refuses_so_the_page_can_read_why()
    {
        await using var host = await HostAsync(RouterPage);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/hotspot/auto-reconnect") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", RouterPage);
        request.Headers.Add("X-API-Key", "jwt_not-a-key");

        using var refused = await host.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(RouterPage, Header(refused, "Access-Control-Allow-Origin"));
        Assert.Contains("Origin", refused.Headers.Vary);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Any_origin_is_answered_with_a_star_and_never_with_credentials_and_admin_routes_answer_no_CORS_at_all()
    {
        await using var host = await HostAsync("*");
        var root = await host.LoginRootAsync();

        using var preflight = await PreflightAsync(host, "/api/v1/config/public", "http://192.168.88.1", "GET");
        using var adminPreflight = await PreflightAsync(host, "/api/v1/admin/empresas", RouterPage, "GET");
        using var admin = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/empresas");
        admin.Headers.Add("Origin", RouterPage);
        admin.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", root);
        using var adminAnswer = await host.Host.Client.SendAsync(admin);

        Assert.Equal("*", Header(preflight, "Access-Control-Allow-Origin"));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, adminPreflight.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminAnswer.StatusCode);
        Assert.False(adminAnswer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static async Task<HttpResponseMessage> PreflightAsync(TenancyHost host, string path, string origin, string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key,idempotency-key");
        return await host.Host.Client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static string Concrete(string template) => System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]+\\}", "x1");
}
