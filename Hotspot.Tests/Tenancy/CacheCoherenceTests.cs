using System.Net;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Tenancy;

/// <summary>
/// Two instances over the same tables, as when Functions scales out: a change made through one is seen at once by
/// it and within the cache lifetime (under 60 s) by the other.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CacheCoherenceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Deactivation_and_revocation_reach_another_instance_within_a_minute()
    {
        var shared = new Dictionary<string, string?> { ["Hotspot:Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix() };
        await using var first = await TenancyHost.StartAsync(azurite, shared);
        await using var second = await TenancyHost.StartAsync(azurite, shared);
        var root = await first.LoginRootAsync();
        var empresa = await first.CreateEmpresaAsync(root, "Hotel");
        await first.CreateUsuarioAsync(root, "ops@hotel.test", "cliente_admin", empresa);
        var router = await first.CreateMikrotikRouterAsync(root, empresa, "R");
        var (keyId, apiKey) = await first.IssueApiKeyAsync(root, router);
        var cliente = await second.LoginAsync("ops@hotel.test", TenancyHost.ClientePassword);

        // Warm the second instance's cache.
        await second.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/mi-empresa", cliente);
        using (var warm = await second.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: apiKey))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var usuarioId = (await first.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/usuarios?limit=100", root))
            .GetProperty("items").EnumerateArray().Single(u => u.GetProperty("email").GetString() == "ops@hotel.test").GetProperty("id").GetInt64();
        await first.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/usuarios/{usuarioId}", root, new { activo = false });
        await first.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/api/v1/admin/routers/{router}/api-keys/{keyId}", root);

        // At once on the instance that made the change.
        using (var refused = await first.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: apiKey))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // Within the cache lifetime on the other.
        second.Clock.Advance(TimeSpan.FromSeconds(31));
        await second.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/admin/mi-empresa", cliente);
        using (var refused = await second.SendAsync(HttpMethod.Get, "/api/v1/hotspot/router", apiKey: apiKey))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
    }
}
