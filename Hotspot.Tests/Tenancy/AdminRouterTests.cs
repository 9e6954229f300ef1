using System.Net;
using Hotspot.Secrets;
using Hotspot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Tenancy;

[Collection(AzuriteCollection.Name)]
public sealed class AdminRouterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Router_secrets_go_to_the_secret_store_and_are_never_returned_or_stored_in_a_table()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Hotel");
        var mikrotik = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            new { nombre = "Lobby", ubicacion = "Planta 0", tipo = "mikrotik", host = "10.0.0.1", usuario = "api", password = "mikrotik-Secret-1", tls = true });
        var unifi = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            new { nombre = "Jardín", tipo = "unifi", base_url = "https://unifi.local/proxy/network/integration", site = "default", api_key = "unifi-Secret-2" });

        Assert.Equal("********", mikrotik.GetProperty("password").GetString());
        Assert.Equal(8729, mikrotik.GetProperty("puerto").GetInt32());
        Assert.Equal("********", unifi.GetProperty("api_key").GetString());
        var secrets = host.Host.Services.GetRequiredService<ISecretStore>();
        Assert.Equal("mikrotik-Secret-1", await secrets.GetAsync(SecretNames.RouterPassword(mikrotik.GetProperty("id").GetInt64()), default));
        Assert.Equal("unifi-Secret-2", await secrets.GetAsync(SecretNames.RouterUnifiApiKey(unifi.GetProperty("id").GetInt64()), default));

        // Sending the mask back keeps the stored secret; a new value replaces it.
        var routerId = mikrotik.GetProperty("id").GetInt64();
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/routers/{routerId}", root, new { password = "********", nombre = "Lobby 2" });
        Assert.Equal("mikrotik-Secret-1", await secrets.GetAsync(SecretNames.RouterPassword(routerId), default));
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/routers/{routerId}", root, new { password = "mikrotik-Secret-3" });
        Assert.Equal("mikrotik-Secret-3", await secrets.GetAsync(SecretNames.RouterPassword(routerId), default));

        var list = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/empresas/{empresa}/routers", root);
        var stored = await TableScan.AllValuesAsync(host.Host.Services);
        foreach (var secret in new[] { "mikrotik-Secret-1", "mikrotik-Secret-3", "unifi-Secret-2" })
        {
            Assert.DoesNotContain(secret, list.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_router_whose_secret_cannot_be_stored_is_not_created()
    {
        var unwritable = Path.Combine(Path.GetTempPath(), "hotspot-missing-" + Guid.NewGuid().ToString("N"), "secrets.json");
        await using var host = await TenancyHost.StartAsync(azurite, new Dictionary<string, string?> { ["Hotspot:Secrets:LocalFile"] = unwritable });
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Hotel");

        var refused = await host.ExpectAsync(HttpStatusCode.ServiceUnavailable, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            new { nombre = "Lobby", tipo = "mikrotik", host = "10.0.0.1", usuario = "api", password = "mikrotik-Secret-1" });
        Assert.Contains("no se creó", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var list = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/empresas/{empresa}/routers", root);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        var stored = await TableScan.AllValuesAsync(host.Host.Services);
        Assert.DoesNotContain("Lobby", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Routers.PartitionKey=", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("RouterDirectory.PartitionKey=", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cliente_admin_edits_the_connection_of_its_own_routers_only()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        var updated = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/routers/{a.RouterId}", a.AdminToken,
            new { host = "198.51.100.7", puerto = 8730, password = "router-secret-2", activo = false });
        Assert.Equal("198.51.100.7", updated.GetProperty("host").GetString());
        Assert.Equal(8730, updated.GetProperty("puerto").GetInt32());
        Assert.False(updated.GetProperty("activo").GetBoolean());

        var mine = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/mi-empresa", a.AdminToken);
        Assert.Equal(a.EmpresaId, mine.GetProperty("id").GetInt64());
        var contact = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, "/api/v1/admin/mi-empresa", a.AdminToken, new { telefono = "+34 600 000 000" });
        Assert.Equal("+34 600 000 000", contact.GetProperty("telefono").GetString());
        await world.Host.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Patch, "/api/v1/admin/mi-empresa", a.AdminToken, new { activa = false });
    }

    [Fact]
    public async Task Deleting_a_router_revokes_its_keys_and_removes_its_secret()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Hotel");
        var router = await host.CreateMikrotikRouterAsync(root, empresa, "R");
        var (_, apiKey) = await host.IssueApiKeyAsync(root, router);
        using (var ok = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: apiKey))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using (var deleted = await host.SendAsync(HttpMethod.Delete, $"/api/v1/admin/routers/{router}", root))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/v1/admin/routers/{router}", root);
        using (var refused = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: apiKey))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Null(await host.Host.Services.GetRequiredService<ISecretStore>().GetAsync(SecretNames.RouterPassword(router), default));
    }
}
