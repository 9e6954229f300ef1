using System.Net;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Tenancy;

/// <summary>
/// Every kind of bad credential on admin and router-key routes, table-driven over real HTTP. Each case asserts the
/// status and that nothing changed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SessionSecurityTests(AzuriteFixture azurite)
{
    private const string ForeignSecret = "some-other-secret-that-is-long-enough-000000";

    [Fact]
    public async Task Admin_routes_reject_every_bad_session_token_with_401_and_change_nothing()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var now = world.Host.Clock.GetUtcNow();
        var root = ForgedTokens.Session(1, TenancyHost.RootEmail, "super_admin", null, now, TimeSpan.FromHours(1));
        var rootId = (await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/usuarios?limit=100", world.RootToken))
            .GetProperty("items").EnumerateArray().Single(u => u.GetProperty("email").GetString() == TenancyHost.RootEmail).GetProperty("id").GetInt64();
        root["sub"] = rootId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var asSuperAdmin = new Dictionary<string, object?>(ForgedTokens.Session(world.A.AdminId, world.A.AdminEmail, "super_admin", null, now, TimeSpan.FromHours(1)));

        var cases = new (string Name, string? Token)[]
        {
            ("missing", null),
            ("malformed", "not-a-jwt"),
            ("alg none", ForgedTokens.AlgNone(root)),
            ("foreign secret", ForgedTokens.Hs256(root, ForeignSecret)),
            ("signed with the API-key secret", ForgedTokens.Hs256(root, TenancyHost.ApiKeySecret)),
            ("expired", ForgedTokens.Hs256(ForgedTokens.Session(rootId, TenancyHost.RootEmail, "super_admin", null, now.AddHours(-25), TimeSpan.FromHours(24)), TenancyHost.SessionSecret)),
            ("not yet valid (issued in the future)", ForgedTokens.Hs256(ForgedTokens.Session(rootId, TenancyHost.RootEmail, "super_admin", null, now.AddHours(2), TimeSpan.FromHours(24)), TenancyHost.SessionSecret)),
            ("tampered claims (cliente_admin made super_admin)", ForgedTokens.WithPayload(world.A.AdminToken, asSuperAdmin)),
            ("type router_api_key", ForgedTokens.Hs256(ForgedTokens.Session(rootId, TenancyHost.RootEmail, "super_admin", null, now, TimeSpan.FromHours(1), "router_api_key"), TenancyHost.SessionSecret)),
            ("router API key as session", world.A.ApiKey),
            ("router API key without its prefix", world.A.ApiKey["jwt_".Length..]),
            ("deleted user", ForgedTokens.Hs256(ForgedTokens.Session(987654, "ghost@hotspot.test", "super_admin", null, now, TimeSpan.FromHours(1)), TenancyHost.SessionSecret)),
        };

        var before = await world.SnapshotAsync();
        foreach (var (name, token) in cases)
        {
            using var response = await world.Host.SendAsync(HttpMethod.Post, "/api/v1/admin/empresas", token, new { nombre = "Intrusa " + name });
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: expected 401, got {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(before, await world.SnapshotAsync());

        // The control: the same request with a genuine token is accepted, so the cases above were refused for their token alone.
        await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/empresas", ForgedTokens.Hs256(root, TenancyHost.SessionSecret), new { nombre = "Legitima" });
    }

    [Fact]
    public async Task Router_key_routes_reject_sessions_and_dead_keys_with_401()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var host = world.Host;
        var revoked = await host.IssueApiKeyAsync(world.RootToken, world.A.RouterId);
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/api/v1/admin/routers/{world.A.RouterId}/api-keys/{revoked.KeyId}", world.RootToken);
        var predecessor = await host.IssueApiKeyAsync(world.RootToken, world.B.RouterId);
        var regenerated = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/routers/{world.B.RouterId}/api-keys/regenerate", world.RootToken, new { alcance = Hotspot.Auth.KeyScopes.IntegrationName });
        var now = host.Clock.GetUtcNow();
        var forgedClaims = new Dictionary<string, object?>
        {
            ["jti"] = world.A.KeyId, ["sub"] = world.A.RouterId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["empresa_id"] = world.A.EmpresaId, ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddDays(1).ToUnixTimeSeconds(), ["type"] = "router_api_key",
        };

        var cases = new (string Name, string? XApiKey, string? Bearer)[]
        {
            ("missing", null, null),
            ("session token in X-API-Key", world.RootToken, null),
            ("session token as Bearer", null, world.A.AdminToken),
            ("session token with the key prefix", "jwt_" + world.RootToken, null),
            ("key claims signed with the session secret", "jwt_" + ForgedTokens.Hs256(forgedClaims, TenancyHost.SessionSecret), null),
            ("key claims re-signed (hash of another key)", "jwt_" + ForgedTokens.Hs256(forgedClaims, TenancyHost.ApiKeySecret), null),
            ("alg none", "jwt_" + ForgedTokens.AlgNone(forgedClaims), null),
            ("revoked key", revoked.ApiKey, null),
            ("regenerated key's predecessor", predecessor.ApiKey, null),
            ("regenerated key's predecessor (first key)", world.B.ApiKey, null),
        };

        foreach (var (name, xApiKey, bearer) in cases)
        {
            using var response = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", bearer, apiKey: xApiKey);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: expected 401, got {(int)response.StatusCode}");
        }

        // Controls: the live keys are accepted in both places a portal may put them.
        var current = regenerated.GetProperty("api_key").GetString()!;
        using (var viaHeader = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: current))
        {
            Assert.Equal(HttpStatusCode.OK, viaHeader.StatusCode);
            Assert.Equal(world.B.RouterId, (await TenancyHost.JsonAsync(viaHeader)).GetProperty("router_id").GetInt64());
        }

        using var viaBearer = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", bearer: world.A.ApiKey);
        Assert.Equal(HttpStatusCode.OK, viaBearer.StatusCode);
    }

    [Fact]
    public async Task An_expired_router_key_is_refused_and_reported_as_expired()
    {
        await using var host = await TenancyHost.StartAsync(azurite, new Dictionary<string, string?> { ["Hotspot:Auth:ApiKeyLifetimeDays"] = "1" });
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Caduca");
        var router = await host.CreateMikrotikRouterAsync(root, empresa, "R");
        var (keyId, apiKey) = await host.IssueApiKeyAsync(root, router);
        using (var fresh = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: apiKey))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        root = await host.LoginRootAsync();
        using (var stale = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: apiKey))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        }

        var status = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{router}/api-keys/{keyId}", root);
        Assert.Equal("expirada", status.GetProperty("estado").GetString());
    }

    [Fact]
    public async Task Deactivating_a_user_or_a_company_takes_effect_at_once_and_changes_nothing_else()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var host = world.Host;

        // Deactivated user: its live token is refused (401), and so is a new login.
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/usuarios/{world.A.AdminId}", world.RootToken, new { activo = false });
        var before = await world.SnapshotAsync();
        using (var refused = await host.SendAsync(HttpMethod.Patch, $"/api/v1/admin/routers/{world.A.RouterId}", world.A.AdminToken, new { activo = false }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using (var login = await host.SendAsync(HttpMethod.Post, "/api/v1/auth/login", json: new { email = world.A.AdminEmail, password = TenancyHost.ClientePassword }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        }

        // Deactivated company: its cliente_admin is refused (403), even for a write to its own router.
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/empresas/{world.B.EmpresaId}", world.RootToken, new { activa = false });
        before = await world.SnapshotAsync();
        using (var refused = await host.SendAsync(HttpMethod.Patch, $"/api/v1/admin/routers/{world.B.RouterId}", world.B.AdminToken, new { activo = false }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var refused = await host.SendAsync(HttpMethod.Get, "/api/v1/admin/mi-empresa", world.B.AdminToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal(before, await world.SnapshotAsync());

        // Reactivated, the same tokens work again: the refusals were about the state, not the tokens.
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/empresas/{world.B.EmpresaId}", world.RootToken, new { activa = true });
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/mi-empresa", world.B.AdminToken);
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/routers/{world.B.RouterId}", world.B.AdminToken, new { activo = false });
    }

    [Fact]
    public async Task A_cliente_admin_gets_404_for_every_id_of_another_company_and_changes_nothing()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var (a, b) = (world.A, world.B);
        var cases = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"/api/v1/admin/empresas/{b.EmpresaId}", null),
            (HttpMethod.Get, $"/api/v1/admin/empresas/{b.EmpresaId}/routers", null),
            (HttpMethod.Get, $"/api/v1/admin/routers/{b.RouterId}", null),
            (HttpMethod.Patch, $"/api/v1/admin/routers/{b.RouterId}", new { activo = false }),
            (HttpMethod.Get, $"/api/v1/admin/routers/{b.RouterId}/api-keys", null),
            (HttpMethod.Post, $"/api/v1/admin/routers/{b.RouterId}/api-keys", null),
            (HttpMethod.Post, $"/api/v1/admin/routers/{b.RouterId}/api-keys/regenerate", null),
            (HttpMethod.Get, $"/api/v1/admin/routers/{b.RouterId}/api-keys/{b.KeyId}", null),
            (HttpMethod.Delete, $"/api/v1/admin/routers/{b.RouterId}/api-keys/{b.KeyId}", null),
            (HttpMethod.Get, $"/api/v1/admin/routers/{a.RouterId}/api-keys/{b.KeyId}", null),
            (HttpMethod.Delete, $"/api/v1/admin/routers/{a.RouterId}/api-keys/{b.KeyId}", null),
        };

        var before = await world.SnapshotAsync();
        foreach (var (method, path, body) in cases)
        {
            using var response = await world.Host.SendAsync(method, path, a.AdminToken, body);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: expected 404, got {(int)response.StatusCode}");
        }

        Assert.Equal(before, await world.SnapshotAsync());
        using var stillWorks = await world.Host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: b.ApiKey);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);

        // The control: the same routes with A's own ids answer.
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{a.RouterId}/api-keys/{a.KeyId}", a.AdminToken);
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/empresas/{a.EmpresaId}/routers", a.AdminToken);
    }

    [Fact]
    public async Task A_cliente_admin_gets_403_on_super_admin_routes_and_changes_nothing()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        var cases = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, "/api/v1/admin/empresas", new { nombre = "Nueva" }),
            (HttpMethod.Get, "/api/v1/admin/empresas", null),
            (HttpMethod.Patch, $"/api/v1/admin/empresas/{a.EmpresaId}", new { nombre = "Renombrada" }),
            (HttpMethod.Post, "/api/v1/admin/usuarios", new { email = "x@y.test", password = "password-123", nombre = "X", rol = "super_admin" }),
            (HttpMethod.Post, "/api/v1/admin/usuarios", new { email = "x@y.test", password = "password-123", nombre = "X", rol = "cliente_admin", empresa_id = a.EmpresaId }),
            (HttpMethod.Post, "/api/v1/admin/usuarios", new { email = "x@y.test", password = "password-123", nombre = "X", rol = "cajero", empresa_id = world.B.EmpresaId }),
            (HttpMethod.Post, $"/api/v1/admin/empresas/{a.EmpresaId}/routers", new { nombre = "R", tipo = "mikrotik", host = "192.0.2.1", usuario = "u", password = "p" }),
            (HttpMethod.Delete, $"/api/v1/admin/routers/{a.RouterId}", null),
        };

        var before = await world.SnapshotAsync();
        foreach (var (method, path, body) in cases)
        {
            using var response = await world.Host.SendAsync(method, path, a.AdminToken, body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: expected 403, got {(int)response.StatusCode}");
        }

        // Users other than its own company's cajeros are not there for a cliente_admin, itself included.
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/v1/admin/usuarios/{a.AdminId}", a.AdminToken);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Patch, $"/api/v1/admin/usuarios/{a.AdminId}", a.AdminToken, new { rol = "super_admin" });
        var listed = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/usuarios", a.AdminToken);
        Assert.Equal(0, listed.GetProperty("items").GetArrayLength());
        Assert.Equal(before, await world.SnapshotAsync());

        // And mi-empresa is the cliente_admin's alone.
        using var rootOnMiEmpresa = await world.Host.SendAsync(HttpMethod.Get, "/api/v1/admin/mi-empresa", world.RootToken);
        Assert.Equal(HttpStatusCode.Forbidden, rootOnMiEmpresa.StatusCode);
    }
}
