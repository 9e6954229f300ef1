using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Hotspot.Http;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.MikrotikPortal;

/// <summary>
/// The router API key sits in config.js where every guest can read it: alone it opens the portal routes and nothing
/// else. Every admin route is tried with it, as X-API-Key and as a bearer token.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class RouterKeyScopeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_router_key_alone_is_refused_by_every_admin_route_and_opens_the_portal_routes()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        var adminRoutes = RouteTable.All.Where(r => r.Auth is AuthKind.Session or AuthKind.SuperAdmin or AuthKind.ClienteAdmin).ToList();
        var before = await world.SnapshotAsync();

        var answers = new List<(string Route, string How, HttpStatusCode Status)>();
        foreach (var route in adminRoutes)
        {
            var path = Parameter().Replace(route.Path, m => m.Value switch
            {
                "{empresaId}" => a.EmpresaId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "{routerId}" => a.RouterId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "{keyId}" => a.KeyId,
                _ => "1",
            });
            foreach (var how in new[] { "X-API-Key", "Bearer" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Verbs[0]), path);
                if (how == "Bearer")
                {
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", a.ApiKey);
                }
                else
                {
                    request.Headers.Add("X-API-Key", a.ApiKey);
                }

                if (route.Verbs[0] is "POST" or "PATCH" or "PUT")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await world.Host.Host.Client.SendAsync(request);
                answers.Add((route.Name, how, response.StatusCode));
            }
        }

        using var portal = await world.Host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: a.ApiKey);

        Assert.NotEmpty(adminRoutes);
        Assert.All(answers, answer => Assert.True(answer.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{answer.Route} with the key as {answer.How}: {(int)answer.Status}"));
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex Parameter();
}
