using System.Net;
using System.Text.RegularExpressions;
using Hotspot.Sales.Payments;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.MikrotikPortal;

/// <summary>
/// What an operator downloads to set up the reference MikroTik portal: the router's config.js and the walled-garden
/// commands, read as the rest of the admin API (another company's router: 404).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class PortalSetupTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_operator_downloads_the_routers_config_js_with_the_API_address_and_enabled_providers_and_a_placeholder_for_the_key()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        await world.Host.Host.Services.GetRequiredService<PaymentCredentialStore>()
            .SetAsync(a.EmpresaId, PaymentProviderKind.Stripe, "sk_test_portal_secret_1", "whsec_portal_secret_1", CancellationToken.None);

        using var response = await world.Host.SendAsync(HttpMethod.Get, $"/api/v1/admin/routers/{a.RouterId}/portal/config.js", a.AdminToken);
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("window.HOTSPOT_CONFIG = {", script, StringComparison.Ordinal);
        Assert.Contains($"\"api\": \"{world.Host.Host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority)}\"", script, StringComparison.Ordinal);
        Assert.Contains("\"apiKey\": \"PEGUE_AQUI_LA_API_KEY_PORTAL_DEL_ROUTER\"", script, StringComparison.Ordinal);
        Assert.Matches("\"proveedores\": \\[\\s*\"stripe\"\\s*\\]", script);
        Assert.DoesNotContain("jwt_", script, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_test_portal_secret_1", script, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", script, StringComparison.Ordinal);
        Assert.DoesNotContain("router-secret-1", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_walled_garden_script_lets_guests_reach_the_API_and_each_enabled_provider_quoted_and_replacing_its_own_entries()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        using var before = await world.Host.SendAsync(HttpMethod.Get, $"/api/v1/admin/routers/{a.RouterId}/portal/walled-garden", a.AdminToken);
        var withoutProviders = await before.Content.ReadAsStringAsync();
        await world.Host.Host.Services.GetRequiredService<PaymentCredentialStore>()
            .SetAsync(a.EmpresaId, PaymentProviderKind.MercadoPago, "APP_USR-portal-secret", "mp-webhook-secret", CancellationToken.None);

        using var response = await world.Host.SendAsync(HttpMethod.Get, $"/api/v1/admin/routers/{a.RouterId}/portal/walled-garden", a.AdminToken);
        var script = await response.Content.ReadAsStringAsync();
        var commands = script.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith('#')).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            ["/ip hotspot walled-garden remove [find where comment=\"hotspot-api\"]", "/ip hotspot walled-garden ip remove [find where comment=\"hotspot-api\"]",
             "/ip hotspot walled-garden add dst-host=\"127.0.0.1\" action=allow comment=\"hotspot-api\"",
             "/ip hotspot walled-garden ip add dst-host=\"127.0.0.1\" action=accept comment=\"hotspot-api\""],
            withoutProviders.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith('#')));
        Assert.Contains("/ip hotspot walled-garden ip add dst-host=\"www.mercadopago.com\" action=accept comment=\"hotspot-api\"", commands);
        Assert.Contains("/ip hotspot walled-garden add dst-host=\"api.mercadopago.com\" action=allow comment=\"hotspot-api\"", commands);
        Assert.DoesNotContain(commands, line => line.Contains("stripe", StringComparison.Ordinal));
        Assert.All(commands, line => Assert.Matches(CommandShape(), line));
        Assert.DoesNotContain("APP_USR-portal-secret", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_companys_router_is_not_found_and_a_UniFi_router_has_no_page_portal()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var unifi = await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{world.A.EmpresaId}/routers", world.RootToken, new
        {
            nombre = "Lobby UniFi", tipo = "unifi", base_url = "https://192.0.2.20:8443", site = "default", api_key = "controller-key-1",
            certificado_sha256 = new string('a', 64),
        });
        var unifiId = unifi.GetProperty("id").GetInt64();

        var answers = new List<HttpStatusCode>();
        foreach (var file in new[] { "config.js", "walled-garden" })
        {
            using var foreign = await world.Host.SendAsync(HttpMethod.Get, $"/api/v1/admin/routers/{world.A.RouterId}/portal/{file}", world.B.AdminToken);
            using var missing = await world.Host.SendAsync(HttpMethod.Get, $"/api/v1/admin/routers/999999/portal/{file}", world.RootToken);
            using var notMikrotik = await world.Host.SendAsync(HttpMethod.Get, $"/api/v1/admin/routers/{unifiId}/portal/{file}", world.A.AdminToken);
            answers.AddRange([foreign.StatusCode, missing.StatusCode, notMikrotik.StatusCode]);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Conflict, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Conflict], answers);
    }

    [Theory]
    [InlineData("a$b")]
    [InlineData("evil.example")]
    [InlineData(null)]
    public async Task The_api_address_in_the_downloads_is_the_configured_one_whatever_host_the_request_names(string? label)
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var host = label ?? new string('a', 300) + ".example";
        var expected = world.Host.Host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);

        foreach (var file in new[] { "config.js", "walled-garden" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/admin/routers/{world.A.RouterId}/portal/{file}");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", world.A.AdminToken);
            request.Headers.TryAddWithoutValidation("Host", host);
            using var response = await world.Host.Host.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{file}: {(int)response.StatusCode} {text}");
            Assert.DoesNotContain(host, text, StringComparison.OrdinalIgnoreCase);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Contains(file == "config.js" ? expected : new Uri(expected).Host, text, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>A RouterOS command with every value double-quoted and nothing after it.</summary>
    [GeneratedRegex("^/ip hotspot walled-garden (?:ip )?(?:remove \\[find where comment=\"hotspot-api\"\\]|add dst-host=\"[a-z0-9.-]+\" action=(?:allow|accept) comment=\"hotspot-api\")$")]
    private static partial Regex CommandShape();
}
