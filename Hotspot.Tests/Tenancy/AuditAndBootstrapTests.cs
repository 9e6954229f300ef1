using System.Net;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Tenancy;

[Collection(AzuriteCollection.Name)]
public sealed class AuditAndBootstrapTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_admin_write_is_audited_newest_first_and_a_cliente_admin_sees_only_its_company()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        world.Host.Clock.Advance(TimeSpan.FromSeconds(1));
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/routers/{world.A.RouterId}", world.A.AdminToken, new { host = "198.51.100.9", password = "router-secret-2" });

        var all = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/audit?limit=100", world.RootToken);
        var entries = all.GetProperty("items").EnumerateArray().ToList();
        var newest = entries[0];
        Assert.Equal(world.A.AdminEmail, newest.GetProperty("actor_email").GetString());
        Assert.Equal($"router:{world.A.RouterId}", newest.GetProperty("objetivo").GetString());
        Assert.Equal("127.0.0.1", newest.GetProperty("direccion_ip").GetString());
        var dates = entries.Select(e => e.GetProperty("fecha").GetDateTimeOffset()).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        // The world's setup: 2 companies, 2 users, 2 routers, 2 keys; then the rename.
        Assert.Equal(9, entries.Count);

        var mine = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/audit?limit=100", world.A.AdminToken);
        var mineEntries = mine.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(mineEntries);
        Assert.All(mineEntries, e => Assert.Equal(world.A.EmpresaId, e.GetProperty("empresa_id").GetInt64()));
    }

    [Fact]
    public async Task The_first_super_admin_is_created_once_and_never_without_a_password()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        var noPassword = new Dictionary<string, string?>
        {
            ["Hotspot:Storage:TablePrefix"] = prefix,
            ["Hotspot:Bootstrap:AdminPassword"] = "",
        };
        await using (var host = await TenancyHost.StartAsync(azurite, noPassword))
        {
            await host.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", json: new { email = TenancyHost.RootEmail, password = "" + TenancyHost.RootPassword });
        }

        await using (var host = await TenancyHost.StartAsync(azurite, new Dictionary<string, string?> { ["Hotspot:Storage:TablePrefix"] = prefix }))
        {
            await host.LoginRootAsync();
        }

        var otherPassword = new Dictionary<string, string?>
        {
            ["Hotspot:Storage:TablePrefix"] = prefix,
            ["Hotspot:Bootstrap:AdminPassword"] = "a-different-password",
        };
        await using (var host = await TenancyHost.StartAsync(azurite, otherPassword))
        {
            var root = await host.LoginRootAsync();
            await host.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", json: new { email = TenancyHost.RootEmail, password = "a-different-password" });
            var users = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/usuarios", root);
            Assert.Equal(1, users.GetProperty("items").GetArrayLength());
        }
    }
}
