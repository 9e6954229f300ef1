using System.Net;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.Branding;

[Collection(AzuriteCollection.Name)]
public sealed class MarcaAdminTests(AzuriteFixture azurite)
{
    private static readonly object Brand = new
    {
        nombre_comercial = "Café <Luna>",
        color_primario = "#1A2B3C",
        color_secundario = "#ffffff",
        telefono = "+52 55 1234 5678",
        whatsapp = "+5215512345678",
        email = "hola@cafeluna.mx",
        terminos = "Uso razonable.\nSin descargas masivas.",
        idioma = "es",
    };

    [Fact]
    public async Task A_cliente_admin_sets_its_company_brand_and_a_router_override_and_every_write_is_audited()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        var path = $"/api/v1/admin/empresas/{a.EmpresaId}/marca";

        var empty = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, path, a.AdminToken);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, empty.GetProperty("nombre_comercial").ValueKind);

        var saved = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, path, a.AdminToken, Brand);
        Assert.Equal("Café <Luna>", saved.GetProperty("nombre_comercial").GetString());
        Assert.Equal("#1a2b3c", saved.GetProperty("color_primario").GetString());
        Assert.Equal(saved.GetRawText(), (await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, path, a.AdminToken)).GetRawText());

        var routerPath = $"/api/v1/admin/routers/{a.RouterId}/marca";
        var overridden = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, routerPath, a.AdminToken, new { nombre_comercial = "Café Luna Terraza", idioma = "en" });
        Assert.Equal(a.RouterId, overridden.GetProperty("router_id").GetInt64());
        Assert.Equal("en", (await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, routerPath, a.AdminToken)).GetProperty("idioma").GetString());
        await world.Host.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, routerPath, a.AdminToken);
        var gone = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, routerPath, a.AdminToken);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, gone.GetProperty("nombre_comercial").ValueKind);

        var audit = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/audit?limit=100", a.AdminToken);
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("accion").GetString(), e.GetProperty("objetivo").GetString())).ToList();
        Assert.Contains(("marca.actualizar", $"empresa:{a.EmpresaId}"), actions);
        Assert.Contains(("marca.actualizar", $"router:{a.RouterId}"), actions);
        Assert.Contains(("marca.eliminar", $"router:{a.RouterId}"), actions);
    }

    [Fact]
    public async Task Another_company_brand_and_another_company_router_are_not_found()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        var b = world.B;
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/v1/admin/empresas/{b.EmpresaId}/marca", a.AdminToken);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Put, $"/api/v1/admin/empresas/{b.EmpresaId}/marca", a.AdminToken, Brand);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/v1/admin/routers/{b.RouterId}/marca", a.AdminToken);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Put, $"/api/v1/admin/routers/{b.RouterId}/marca", a.AdminToken, Brand);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"/api/v1/admin/routers/{b.RouterId}/marca", a.AdminToken);

        var theirs = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/empresas/{b.EmpresaId}/marca", b.AdminToken);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, theirs.GetProperty("nombre_comercial").ValueKind);
    }

    [Theory]
    [InlineData("color_primario", "red")]
    [InlineData("color_primario", "#12345")]
    [InlineData("color_secundario", "#1234567")]
    [InlineData("color_secundario", "#12345g")]
    [InlineData("telefono", "llámame")]
    [InlineData("whatsapp", "+52 55")]
    [InlineData("email", "no-es-correo")]
    [InlineData("idioma", "fr")]
    [InlineData("nombre_comercial", "tab\there")]
    public async Task A_bad_field_is_refused_by_name_and_nothing_is_saved(string field, string value)
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var path = $"/api/v1/admin/empresas/{world.A.EmpresaId}/marca";
        var refused = await world.Host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, path, world.A.AdminToken, new Dictionary<string, string> { [field] = value });
        Assert.True(refused.GetProperty("errors").TryGetProperty(field, out _), refused.GetRawText());
        var stored = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, path, world.A.AdminToken);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stored.GetProperty(field).ValueKind);
    }

    [Fact]
    public async Task Terms_longer_than_the_limit_are_refused()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var refused = await world.Host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, $"/api/v1/admin/empresas/{world.A.EmpresaId}/marca", world.A.AdminToken,
            new { terminos = new string('a', 4001) });
        Assert.True(refused.GetProperty("errors").TryGetProperty("terminos", out _), refused.GetRawText());
    }
    [Fact]
    public async Task Config_public_gives_the_router_override_over_the_company_brand_and_the_company_name_by_default()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        var before = await PublicBrandAsync(world, a.ApiKey);
        Assert.Equal("Empresa A", before.GetProperty("nombre_comercial").GetString());
        Assert.Equal("es", before.GetProperty("idioma").GetString());

        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/empresas/{a.EmpresaId}/marca", a.AdminToken, Brand);
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/routers/{a.RouterId}/marca", a.AdminToken, new { nombre_comercial = "Terraza", idioma = "en" });
        var after = await PublicBrandAsync(world, a.ApiKey);

        Assert.Equal(
            ["nombre_comercial", "color_primario", "color_secundario", "telefono", "whatsapp", "email", "terminos", "idioma", "logo_url"],
            after.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Terraza", after.GetProperty("nombre_comercial").GetString());
        Assert.Equal("en", after.GetProperty("idioma").GetString());
        Assert.Equal("#1a2b3c", after.GetProperty("color_primario").GetString());
        Assert.Equal("hola@cafeluna.mx", after.GetProperty("email").GetString());
        Assert.Equal("Uso razonable.\nSin descargas masivas.", after.GetProperty("terminos").GetString());
        Assert.Equal("Empresa B", (await PublicBrandAsync(world, world.B.ApiKey)).GetProperty("nombre_comercial").GetString());
    }

    private static async Task<System.Text.Json.JsonElement> PublicBrandAsync(SecurityWorld world, string apiKey)
    {
        using var response = await world.Host.SendAsync(HttpMethod.Get, "/api/v1/config/public", apiKey: apiKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("marca").Clone();
    }
}
