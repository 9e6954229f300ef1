using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotspot.Tests.Branding;

/// <summary>The logo over HTTP on the DevHost: uploaded as raw bytes, told apart by its bytes, served from our origin with cache and safety headers.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MarcaLogoTests(AzuriteFixture azurite)
{
    private static readonly byte[] Logo = TestImages.Png(48, 48, (0x1a, 0x2b, 0x3c), (0xff, 0xcc, 0x00));

    [Fact]
    public async Task A_company_logo_is_served_from_our_public_address_with_its_hash_cache_and_safety_headers()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;

        var saved = await PutLogoAsync(world, $"/api/v1/admin/empresas/{a.EmpresaId}/marca/logo", a.AdminToken, Logo, "image/png", HttpStatusCode.OK);
        var url = new Uri(saved.GetProperty("logo_url").GetString()!);
        var publicBase = world.Host.Host.Services.GetRequiredService<IOptions<PurchaseOptions>>().Value.PublicBaseUrl!;
        var brand = await PublicBrandAsync(world, a.ApiKey);

        using var served = await GetAsync(world, url.PathAndQuery);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        var etag = served.Headers.ETag;
        using var again = await GetAsync(world, url.PathAndQuery, etag);

        Assert.Equal(publicBase.GetLeftPart(UriPartial.Authority), url.GetLeftPart(UriPartial.Authority));
        Assert.Equal(url.AbsoluteUri, brand.GetProperty("logo_url").GetString());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(Logo, bytes);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Logo)), url.Segments[^1]);
        Assert.Equal($"\"{url.Segments[^1]}\"", etag?.Tag);
        Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Header(served, "X-Content-Type-Options"));
        Assert.Equal("default-src 'none'; sandbox", Header(served, "Content-Security-Policy"));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task The_logo_url_comes_from_the_configured_address_never_from_the_Host_header()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/admin/empresas/{a.EmpresaId}/marca/logo") { Content = new ByteArrayContent(Logo) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", a.AdminToken);
        request.Headers.Host = "attacker.example";
        using var response = await world.Host.Host.Client.SendAsync(request);
        var saved = await TenancyHost.JsonAsync(response);

        using var asked = new HttpRequestMessage(HttpMethod.Get, "/api/v1/config/public");
        asked.Headers.Add("X-API-Key", a.ApiKey);
        asked.Headers.Host = "attacker.example";
        using var config = await world.Host.Host.Client.SendAsync(asked);
        var brand = (await TenancyHost.JsonAsync(config)).GetProperty("marca");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("attacker", saved.GetProperty("logo_url").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("attacker", brand.GetProperty("logo_url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_router_logo_wins_over_the_company_logo_until_removed_and_removing_the_company_logo_leaves_none()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        var company = await PutLogoAsync(world, $"/api/v1/admin/empresas/{a.EmpresaId}/marca/logo", a.AdminToken, Logo, "image/png", HttpStatusCode.OK);
        var routerLogo = await PutLogoAsync(world, $"/api/v1/admin/routers/{a.RouterId}/marca/logo", a.AdminToken, TestImages.Jpeg(120, 40), "image/jpeg", HttpStatusCode.OK);
        var withRouter = (await PublicBrandAsync(world, a.ApiKey)).GetProperty("logo_url").GetString();
        using (var jpeg = await GetAsync(world, new Uri(withRouter!).PathAndQuery))
        {
            Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType?.MediaType);
        }

        // Renaming the venue keeps the logo.
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/routers/{a.RouterId}/marca", a.AdminToken, new { nombre_comercial = "Terraza" });
        var renamed = (await PublicBrandAsync(world, a.ApiKey)).GetProperty("logo_url").GetString();
        await world.Host.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/admin/routers/{a.RouterId}/marca/logo", a.AdminToken);
        var afterRouter = (await PublicBrandAsync(world, a.ApiKey)).GetProperty("logo_url").GetString();
        using var oldRouterLogo = await GetAsync(world, new Uri(withRouter!).PathAndQuery);
        await world.Host.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/admin/empresas/{a.EmpresaId}/marca/logo", a.AdminToken);
        await world.Host.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/admin/empresas/{a.EmpresaId}/marca/logo", a.AdminToken);
        var none = (await PublicBrandAsync(world, a.ApiKey)).GetProperty("logo_url");
        using var oldCompanyLogo = await GetAsync(world, new Uri(company.GetProperty("logo_url").GetString()!).PathAndQuery);

        var audit = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/audit?limit=100", a.AdminToken);
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("accion").GetString(), e.GetProperty("objetivo").GetString())).ToList();

        Assert.Equal(routerLogo.GetProperty("logo_url").GetString(), withRouter);
        Assert.Equal(withRouter, renamed);
        Assert.Equal(company.GetProperty("logo_url").GetString(), afterRouter);
        Assert.Equal(HttpStatusCode.NotFound, oldRouterLogo.StatusCode);
        Assert.Equal(JsonValueKind.Null, none.ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, oldCompanyLogo.StatusCode);
        Assert.Contains(("marca.logo.actualizar", $"empresa:{a.EmpresaId}"), actions);
        Assert.Contains(("marca.logo.actualizar", $"router:{a.RouterId}"), actions);
        Assert.Contains(("marca.logo.eliminar", $"router:{a.RouterId}"), actions);
        Assert.Single(actions, x => x == ("marca.logo.eliminar", $"empresa:{a.EmpresaId}"));
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "svg", "image/svg+xml", "SVG" },
        { "svg", "image/png", "SVG" },
        { "gif", "image/gif", "PNG, JPEG o WebP" },
        { "png", "image/jpeg", "se envió como image/jpeg" },
        { "png", "application/octet-stream", "Content-Type" },
        { "huge", "image/png", "2048" },
        { "empty", "image/png", "vacío" },
        { "webp-huge", "image/webp", "2048" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_an_accepted_image_is_refused_in_words_and_nothing_is_saved(string file, string contentType, string words)
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        var bytes = file switch
        {
            "svg" => TestImages.Svg,
            "gif" => TestImages.Gif,
            "png" => Logo,
            "huge" => TestImages.PngClaiming(40000, 40000),
            "webp-huge" => TestImages.Webp(4096, 100),
            _ => [],
        };

        var refused = await PutLogoAsync(world, $"/api/v1/admin/empresas/{a.EmpresaId}/marca/logo", a.AdminToken, bytes, contentType, HttpStatusCode.UnprocessableEntity);
        var stored = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/empresas/{a.EmpresaId}/marca", a.AdminToken);

        Assert.Contains(words, refused.GetProperty("errors").GetProperty("logo")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("logo_url").ValueKind);
    }

    [Fact]
    public async Task Webp_is_accepted_and_a_logo_over_64_KiB_is_too_large()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        var webp = await PutLogoAsync(world, $"/api/v1/admin/routers/{a.RouterId}/marca/logo", a.AdminToken, TestImages.Webp(200, 80), "image/webp", HttpStatusCode.OK);
        var big = Logo.Concat(new byte[(64 * 1024) - Logo.Length + 1]).ToArray();
        await PutLogoAsync(world, $"/api/v1/admin/empresas/{a.EmpresaId}/marca/logo", a.AdminToken, big, "image/png", HttpStatusCode.RequestEntityTooLarge);
        var fits = Logo.Concat(new byte[(64 * 1024) - Logo.Length]).ToArray();
        var saved = await PutLogoAsync(world, $"/api/v1/admin/empresas/{a.EmpresaId}/marca/logo", a.AdminToken, fits, "image/png", HttpStatusCode.OK);
        using var served = await GetAsync(world, new Uri(saved.GetProperty("logo_url").GetString()!).PathAndQuery);

        Assert.EndsWith(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(TestImages.Webp(200, 80))), webp.GetProperty("logo_url").GetString(), StringComparison.Ordinal);
        Assert.Equal(fits, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Another_company_logo_routes_are_not_found_and_its_logo_is_not_served_under_our_company()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var (a, b) = (world.A, world.B);
        var theirs = await PutLogoAsync(world, $"/api/v1/admin/empresas/{b.EmpresaId}/marca/logo", b.AdminToken, Logo, "image/png", HttpStatusCode.OK);

        await PutLogoAsync(world, $"/api/v1/admin/empresas/{b.EmpresaId}/marca/logo", a.AdminToken, Logo, "image/png", HttpStatusCode.NotFound);
        await PutLogoAsync(world, $"/api/v1/admin/routers/{b.RouterId}/marca/logo", a.AdminToken, Logo, "image/png", HttpStatusCode.NotFound);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"/api/v1/admin/empresas/{b.EmpresaId}/marca/logo", a.AdminToken);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"/api/v1/admin/routers/{b.RouterId}/marca/logo", a.AdminToken);
        var hash = new Uri(theirs.GetProperty("logo_url").GetString()!).Segments[^1];
        using var underA = await GetAsync(world, $"/api/v1/marcas/{a.EmpresaId}/logos/{hash}");
        using var stillTheirs = await GetAsync(world, $"/api/v1/marcas/{b.EmpresaId}/logos/{hash}");
        using var notAHash = await GetAsync(world, $"/api/v1/marcas/{b.EmpresaId}/logos/..%2F..%2Fempresa");

        Assert.Equal(HttpStatusCode.NotFound, underA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAHash.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await PublicBrandAsync(world, a.ApiKey)).GetProperty("logo_url").ValueKind);
    }

    private static async Task<JsonElement> PutLogoAsync(SecurityWorld world, string path, string token, byte[] bytes, string contentType, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await world.Host.Host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"PUT {path}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> GetAsync(SecurityWorld world, string path, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await world.Host.Host.Client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    private static async Task<JsonElement> PublicBrandAsync(SecurityWorld world, string apiKey)
    {
        using var response = await world.Host.SendAsync(HttpMethod.Get, "/api/v1/config/public", apiKey: apiKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("marca").Clone();
    }
}
