using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.Branding;

/// <summary>The brand in the router's config.js (what the pages that never call the API show), and a whole override's removal taking its logo along.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrandInConfigScriptTests(AzuriteFixture azurite)
{
    private const string Hostile = "<img src=x onerror=alert(1)>\"; /system reset-configuration; $(x) [:put 1] </script>'`${1}";

    [Fact]
    public async Task Config_js_carries_the_effective_brand_as_an_inert_JavaScript_string_and_the_walled_garden_never_sees_it()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/empresas/{a.EmpresaId}/marca", a.AdminToken,
            new { nombre_comercial = Hostile, terminos = Hostile + "\n" + Hostile, color_primario = "#c0392b", idioma = "en" });

        using var response = await world.Host.SendAsync(HttpMethod.Get, $"/api/v1/admin/routers/{a.RouterId}/portal/config.js", a.AdminToken);
        var script = await response.Content.ReadAsStringAsync();
        using var garden = await world.Host.SendAsync(HttpMethod.Get, $"/api/v1/admin/routers/{a.RouterId}/portal/walled-garden", a.AdminToken);
        var walledGarden = await garden.Content.ReadAsStringAsync();
        const string Start = "window.HOTSPOT_CONFIG = ";
        var literal = script[(script.IndexOf(Start, StringComparison.Ordinal) + Start.Length)..script.LastIndexOf(';')];
        var marca = JsonDocument.Parse(literal).RootElement.GetProperty("marca");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Hostile, marca.GetProperty("nombre_comercial").GetString());
        Assert.Equal(Hostile + "\n" + Hostile, marca.GetProperty("terminos").GetString());
        Assert.Equal("#c0392b", marca.GetProperty("color_primario").GetString());
        Assert.Equal("en", marca.GetProperty("idioma").GetString());
        Assert.DoesNotContain("<", script, StringComparison.Ordinal);
        Assert.DoesNotContain("$", script, StringComparison.Ordinal);
        Assert.DoesNotContain("'", literal, StringComparison.Ordinal);
        Assert.DoesNotContain("`", literal, StringComparison.Ordinal);
        Assert.DoesNotContain("\"; /system", script, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, garden.StatusCode);
        Assert.DoesNotContain("reset-configuration", walledGarden, StringComparison.Ordinal);
        Assert.DoesNotContain("img", walledGarden, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_routers_whole_override_removes_its_logo_and_the_company_logo_shows_again()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        var company = await PutLogoAsync(world, $"/api/v1/admin/empresas/{a.EmpresaId}/marca/logo", a.AdminToken, TestImages.Png(8, 8, (1, 2, 3), (4, 5, 6)));
        var own = await PutLogoAsync(world, $"/api/v1/admin/routers/{a.RouterId}/marca/logo", a.AdminToken, TestImages.Png(9, 9, (1, 2, 3), (4, 5, 6)));

        await world.Host.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/admin/routers/{a.RouterId}/marca", a.AdminToken);
        using var gone = await world.Host.SendAsync(HttpMethod.Get, new Uri(own).PathAndQuery);
        using var config = await world.Host.SendAsync(HttpMethod.Get, "/api/v1/config/public", apiKey: a.ApiKey);
        var shown = (await TenancyHost.JsonAsync(config)).GetProperty("marca").GetProperty("logo_url").GetString();

        Assert.NotEqual(company, own);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(company, shown);
    }

    private static async Task<string> PutLogoAsync(SecurityWorld world, string path, string token, byte[] image)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new ByteArrayContent(image) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await world.Host.Host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("logo_url").GetString()!;
    }
}
