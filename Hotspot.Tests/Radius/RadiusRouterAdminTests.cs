using System.Net;
using Hotspot.Radius;
using Hotspot.Secrets;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Radius;

/// <summary>A MikroTik router in RADIUS mode through the admin API: no connection settings, an identity shown once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RadiusRouterAdminTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_radius_router_needs_no_host_and_its_identity_is_shown_once_and_kept_in_the_secret_store()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Hotel");

        var created = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            new { nombre = "Terraza", tipo = "mikrotik", conexion = "radius" });

        var routerId = created.GetProperty("id").GetInt64();
        Assert.Equal("radius", created.GetProperty("conexion").GetString());
        var identifier = created.GetProperty("radius").GetProperty("nas_identifier").GetString()!;
        Assert.True(RadiusIdentity.TryParse(identifier, out var identity));
        Assert.Equal(routerId, identity.RouterId);
        var secrets = host.Host.Services.GetRequiredService<ISecretStore>();
        Assert.Equal(identity.Token, await secrets.GetAsync(SecretNames.RouterRadiusToken(routerId), default));

        var read = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{routerId}", root);
        var list = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/empresas/{empresa}/routers", root);
        Assert.Equal(RadiusIdentity.Masked(routerId), read.GetProperty("radius").GetProperty("nas_identifier").GetString());
        var stored = await TableScan.AllValuesAsync(host.Host.Services);
        foreach (var text in new[] { read.GetRawText(), list.GetRawText(), stored })
        {
            Assert.DoesNotContain(identity.Token, text, StringComparison.Ordinal);
        }

        var regenerated = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/admin/routers/{routerId}/radius/regenerate", root);
        var renewed = regenerated.GetProperty("radius").GetProperty("nas_identifier").GetString()!;
        Assert.NotEqual(identifier, renewed);
        Assert.True(RadiusIdentity.TryParse(renewed, out var next));
        Assert.Equal(next.Token, await secrets.GetAsync(SecretNames.RouterRadiusToken(routerId), default));
    }

    [Fact]
    public async Task Radius_mode_refuses_connection_settings_an_unknown_mode_and_a_change_of_mode()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Hotel");

        var withHost = await host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            new { nombre = "Terraza", tipo = "mikrotik", conexion = "radius", host = "10.0.0.1", password = "x" });
        Assert.True(withHost.GetProperty("errors").TryGetProperty("host", out _));
        Assert.True(withHost.GetProperty("errors").TryGetProperty("password", out _));
        var unknown = await host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            new { nombre = "Terraza", tipo = "mikrotik", conexion = "vpn" });
        Assert.True(unknown.GetProperty("errors").TryGetProperty("conexion", out _));

        var api = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            new { nombre = "Lobby", tipo = "mikrotik", host = "10.0.0.1", usuario = "api", password = "mikrotik-Secret-1" });
        Assert.Equal("api", api.GetProperty("conexion").GetString());
        await host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Patch, $"/api/v1/admin/routers/{api.GetProperty("id")}", root, new { conexion = "radius" });
        await host.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/v1/admin/routers/{api.GetProperty("id")}/radius/regenerate", root);
    }
}
