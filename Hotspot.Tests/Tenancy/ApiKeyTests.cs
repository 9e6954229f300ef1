using System.Net;
using System.Text;
using System.Text.Json;
using Hotspot.Storage;
using Hotspot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Hotspot.Tests.Tenancy;

[Collection(AzuriteCollection.Name)]
public sealed class ApiKeyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_key_is_shown_once_carries_the_issue_claims_and_only_its_hash_is_stored()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Hotel");
        var router = await host.CreateMikrotikRouterAsync(root, empresa, "R");
        var (keyId, apiKey) = await host.IssueApiKeyAsync(root, router);

        Assert.StartsWith("jwt_", apiKey, StringComparison.Ordinal);
        var parts = apiKey["jwt_".Length..].Split('.');
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(parts[1]));
        var claims = payload.RootElement;
        Assert.Equal(["jti", "sub", "empresa_id", "iat", "exp", "type"], claims.EnumerateObject().Select(p => p.Name));
        Assert.Equal(keyId, claims.GetProperty("jti").GetString());
        Assert.Equal(router.ToString(System.Globalization.CultureInfo.InvariantCulture), claims.GetProperty("sub").GetString());
        Assert.Equal(empresa, claims.GetProperty("empresa_id").GetInt64());
        Assert.Equal("router_api_key", claims.GetProperty("type").GetString());
        Assert.Equal(365 * 86400, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
        var signature = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(TenancyHost.ApiKeySecret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.Equal(Base64UrlEncoder.Encode(signature), parts[2]);

        var list = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{router}/api-keys", root);
        var status = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{router}/api-keys/{keyId}", root);
        var stored = await TableScan.AllValuesAsync(host.Host.Services);
        foreach (var text in new[] { list.GetRawText(), status.GetRawText(), stored })
        {
            Assert.DoesNotContain(parts[2], text, StringComparison.Ordinal);
            Assert.DoesNotContain(parts[1], text, StringComparison.Ordinal);
        }

        Assert.Equal("activa", status.GetProperty("estado").GetString());
    }

    [Fact]
    public async Task A_warm_key_validation_with_its_router_and_company_reads_no_table()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Hotel");
        var router = await host.CreateMikrotikRouterAsync(root, empresa, "R");
        var (_, apiKey) = await host.IssueApiKeyAsync(root, router);
        using (var cold = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: apiKey))
        {
            Assert.Equal(HttpStatusCode.OK, cold.StatusCode);
        }

        var counter = host.Host.Services.GetRequiredService<StorageRequestCounter>();
        var before = counter.Requests;
        for (var i = 0; i < 20; i++)
        {
            using var warm = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: apiKey);
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        Assert.Equal(before, counter.Requests);

        // Past the cache lifetime the key, router and company are read again (in parallel), and last_used is written.
        host.Clock.Advance(TimeSpan.FromSeconds(61));
        using (var stale = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: apiKey))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        }

        Assert.Equal(before + 4, counter.Requests);
    }

    [Fact]
    public async Task Last_used_is_written_at_most_once_a_minute()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Hotel");
        var router = await host.CreateMikrotikRouterAsync(root, empresa, "R");
        var (keyId, apiKey) = await host.IssueApiKeyAsync(root, router);
        var statusPath = $"/api/v1/admin/routers/{router}/api-keys/{keyId}";
        Assert.Equal(JsonValueKind.Null, (await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, statusPath, root)).GetProperty("last_used").ValueKind);

        async Task<DateTimeOffset> UseThenReadLastUsedAsync()
        {
            using var used = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: apiKey);
            Assert.Equal(HttpStatusCode.OK, used.StatusCode);
            return (await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, statusPath, root)).GetProperty("last_used").GetDateTimeOffset();
        }

        var first = await UseThenReadLastUsedAsync();
        Assert.Equal(host.Clock.GetUtcNow().ToUnixTimeSeconds(), first.ToUnixTimeSeconds());
        host.Clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(first, await UseThenReadLastUsedAsync());
        host.Clock.Advance(TimeSpan.FromSeconds(21));
        Assert.True(await UseThenReadLastUsedAsync() > first);
    }

    /// <summary>Regenerating rotates the keys of one scope: the keys these tests issue are integration keys.</summary>
    private static readonly object IntegrationScope = new { alcance = Hotspot.Auth.KeyScopes.IntegrationName };

    [Fact]
    public async Task Regenerate_revokes_every_previous_key_and_revoke_is_immediate()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Hotel");
        var router = await host.CreateMikrotikRouterAsync(root, empresa, "R");
        var first = await host.IssueApiKeyAsync(root, router);
        var second = await host.IssueApiKeyAsync(root, router);
        foreach (var key in new[] { first.ApiKey, second.ApiKey })
        {
            using var warm = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: key);
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var regenerated = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/routers/{router}/api-keys/regenerate", root, IntegrationScope);
        foreach (var key in new[] { first.ApiKey, second.ApiKey })
        {
            using var refused = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: key);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var list = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{router}/api-keys", root);
        var states = list.GetProperty("items").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!, k => k.GetProperty("estado").GetString());
        Assert.Equal("revocada", states[first.KeyId]);
        Assert.Equal("revocada", states[second.KeyId]);
        Assert.Equal("activa", states[regenerated.GetProperty("id").GetString()!]);

        var current = regenerated.GetProperty("api_key").GetString()!;
        using (var warm = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: current))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/api/v1/admin/routers/{router}/api-keys/{regenerated.GetProperty("id").GetString()}", root);
        using var revoked = await host.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: current);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }
}
