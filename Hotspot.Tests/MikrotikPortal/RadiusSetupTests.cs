using System.Net;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.MikrotikPortal;

/// <summary>
/// The RADIUS setup download: the RouterOS commands that point a router behind NAT at the deployment's FreeRADIUS,
/// with the two secrets as placeholders, since neither may ever travel in a download.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RadiusSetupTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_radius_router_gets_its_identity_radius_entry_and_hotspot_profile_commands_with_no_secret_in_them()
    {
        await using var host = await TenancyHost.StartAsync(azurite, new Dictionary<string, string?> { ["Hotspot:Radius:ServerAddress"] = "203.0.113.40" });
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Café RADIUS");
        var created = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            new { nombre = "Terraza \"$(x)\" [:put 1]", tipo = "mikrotik", conexion = "radius" });
        var routerId = created.GetProperty("id").GetInt64();
        var identity = created.GetProperty("radius").GetProperty("nas_identifier").GetString()!;

        using var response = await host.SendAsync(HttpMethod.Get, $"/api/v1/admin/routers/{routerId}/portal/radius-setup", root);
        var script = await response.Content.ReadAsStringAsync();
        var commands = script.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith('#')).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            [
                "/system identity set name=\"PEGA_AQUI_EL_NAS_IDENTIFIER\"",
                "/radius remove [find where comment=\"hotspot-radius\"]",
                "/radius add service=hotspot address=203.0.113.40 secret=\"PEGA_AQUI_EL_SECRETO_RADIUS\" timeout=3s comment=\"hotspot-radius\"",
                "/ip hotspot profile set [find] use-radius=yes radius-accounting=yes radius-interim-update=received login-by=http-chap,cookie,mac-cookie radius-mac-format=XX:XX:XX:XX:XX:XX",
            ],
            commands);
        Assert.DoesNotContain(identity, script, StringComparison.Ordinal);
        Assert.DoesNotContain(identity[(identity.IndexOf('-', StringComparison.Ordinal) + 1)..], script, StringComparison.Ordinal);
        // The router's name is the operator's text and never reaches the script.
        Assert.DoesNotContain("Terraza", script, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/admin/routers/{routerId}/radius/regenerate", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_server_the_address_is_a_placeholder_and_a_router_reached_over_its_api_or_another_company_gets_none()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var radius = await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{world.A.EmpresaId}/routers", world.RootToken,
            new { nombre = "Patio", tipo = "mikrotik", conexion = "radius" });
        var radiusId = radius.GetProperty("id").GetInt64();

        using var ok = await world.Host.SendAsync(HttpMethod.Get, $"/api/v1/admin/routers/{radiusId}/portal/radius-setup", world.A.AdminToken);
        using var overApi = await world.Host.SendAsync(HttpMethod.Get, $"/api/v1/admin/routers/{world.A.RouterId}/portal/radius-setup", world.A.AdminToken);
        using var foreign = await world.Host.SendAsync(HttpMethod.Get, $"/api/v1/admin/routers/{radiusId}/portal/radius-setup", world.B.AdminToken);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("/radius add service=hotspot address=PEGA_AQUI_LA_IP_DEL_SERVIDOR_RADIUS ", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, overApi.StatusCode);
        Assert.Contains("conexion radius", await overApi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
