using System.Net;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Tenancy;

[Collection(AzuriteCollection.Name)]
public sealed class AdminUsuarioTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Two_concurrent_creations_with_the_same_email_give_one_201_and_one_409()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        for (var round = 0; round < 5; round++)
        {
            // The same address in two spellings: emails are compared case-insensitively.
            var bodies = new[] { $"dup{round}@hotspot.test", $"DUP{round}@Hotspot.test" }
                .Select(email => new { email, password = "password-123", nombre = "Dup", rol = "super_admin" });
            var responses = await Task.WhenAll(bodies.Select(body => host.SendAsync(HttpMethod.Post, "/api/v1/admin/usuarios", root, body)));
            var statuses = responses.Select(r => r.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], statuses);
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        var all = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/usuarios?limit=100", root);
        Assert.Equal(6, all.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Users_are_created_listed_read_updated_and_a_super_admin_cannot_deactivate_itself()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Hotel");
        var id = await host.CreateUsuarioAsync(root, "ana@hotel.test", "cliente_admin", empresa);

        var read = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/usuarios/{id}", root);
        Assert.Equal("ana@hotel.test", read.GetProperty("email").GetString());
        Assert.Equal(empresa, read.GetProperty("empresa_id").GetInt64());
        Assert.False(read.TryGetProperty("password", out _));
        Assert.DoesNotContain("hash", read.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var updated = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/usuarios/{id}", root, new { nombre = "Ana María", email = "ana.maria@hotel.test" });
        Assert.Equal("Ana María", updated.GetProperty("nombre").GetString());
        await host.LoginAsync("ana.maria@hotel.test", TenancyHost.ClientePassword);
        await host.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", json: new { email = "ana@hotel.test", password = TenancyHost.ClientePassword });
        // The old address is free again.
        await host.CreateUsuarioAsync(root, "ana@hotel.test", "super_admin", null);

        var rootId = (await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/usuarios?limit=100", root))
            .GetProperty("items").EnumerateArray().Single(u => u.GetProperty("email").GetString() == TenancyHost.RootEmail).GetProperty("id").GetInt64();
        await host.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Patch, $"/api/v1/admin/usuarios/{rootId}", root, new { activo = false });
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/empresas", root);
    }

    [Fact]
    public async Task Lists_page_with_a_continuation_token()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        for (var i = 0; i < 5; i++)
        {
            await host.CreateEmpresaAsync(root, $"Empresa {i}");
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var path = "/api/v1/admin/empresas?limit=2" + (token is null ? "" : "&continuation_token=" + Uri.EscapeDataString(token));
            var page = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, path, root);
            Assert.InRange(page.GetProperty("items").GetArrayLength(), 0, 2);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("nombre").GetString()!));
            token = page.GetProperty("continuation_token").GetString();
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"Empresa {i}"), seen.Order());
        await host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Get, "/api/v1/admin/empresas?limit=0", root);
    }
}
