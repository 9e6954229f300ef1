using System.Net;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Portal;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.Sales;

/// <summary>The catalog over HTTP: operators manage a router's products, the router's portal reads what is on sale.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CatalogTests(AzuriteFixture azurite)
{
    private static object Hour(string nombre = "1 hora", decimal precio = 15.00m, int orden = 0, bool destacado = false) => new
    {
        nombre_venta = nombre, descripcion = "Internet por una hora", precio, moneda = "MXN", tiempo_segundos = 3600,
        perfil_mikrotik_nombre = "5Mbps-1hora", orden_visual = orden, destacado, detalles = new object[] { "5 Mbps", new { dispositivos = 2 } },
    };

    private static async Task<MikrotikWorld> WorldWithProfileAsync(AzuriteFixture azurite)
    {
        var world = await MikrotikWorld.StartAsync(azurite);
        var client = await world.Router.ConnectAsync();
        await client.AddHotspotUserProfileAsync(new NewHotspotUserProfile("5Mbps-1hora"), default);
        return world;
    }

    [Fact]
    public async Task An_operator_creates_a_product_and_the_portal_sees_it_in_pagos_shape_with_a_two_decimal_price()
    {
        await using var world = await WorldWithProfileAsync(azurite);

        var created = await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{world.RouterPath}/productos", world.RootToken, Hour());
        using var response = await world.Host.SendAsync(HttpMethod.Get, "/api/v1/catalogo_perfiles_venta", apiKey: world.ApiKey);
        var text = await response.Content.ReadAsStringAsync();

        var id = created.GetProperty("id").GetString()!;
        Assert.StartsWith($"{world.RouterId}-", id, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"precio\":15.00", text, StringComparison.Ordinal);
        var item = Assert.Single(JsonDocument.Parse(text).RootElement.EnumerateArray());
        Assert.Equal(
            ["id", "perfil_mikrotik_id", "perfil_mikrotik_nombre", "nombre_venta", "descripcion", "imagen_url", "precio", "moneda", "detalles", "destacado", "creado_en",
             "tiempo_segundos", "orden_visual", "limite_mb"],
            item.EnumerateObject().Select(p => p.Name));
        Assert.Equal((id, "5Mbps-1hora", "MXN", 3600), (item.GetProperty("id").GetString(), item.GetProperty("perfil_mikrotik_nombre").GetString(), item.GetProperty("moneda").GetString(), item.GetProperty("tiempo_segundos").GetInt32()));
        Assert.StartsWith("*", item.GetProperty("perfil_mikrotik_id").GetString(), StringComparison.Ordinal);
        Assert.Equal("5 Mbps", item.GetProperty("detalles")[0].GetString());
        var one = await JsonOf(await world.Host.SendAsync(HttpMethod.Get, $"/api/v1/catalogo_perfiles_venta/{id}", apiKey: world.ApiKey));
        Assert.Equal("1 hora", one.GetProperty("nombre_venta").GetString());
    }

    [Fact]
    public async Task The_portal_lists_active_products_by_visual_order_then_featured_and_a_deactivated_one_disappears_but_stays_for_operators()
    {
        await using var world = await WorldWithProfileAsync(azurite);
        var host = world.Host;
        var late = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{world.RouterPath}/productos", world.RootToken, Hour("Día", 90m, orden: 5));
        await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{world.RouterPath}/productos", world.RootToken, Hour("Hora", orden: 1));
        await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{world.RouterPath}/productos", world.RootToken, Hour("Hora destacada", orden: 1, destacado: true));

        var before = await JsonOf(await host.SendAsync(HttpMethod.Get, "/api/v1/catalogo_perfiles_venta", apiKey: world.ApiKey));
        var lateId = late.GetProperty("id").GetString()!;
        var deleted = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/api/v1/admin/productos/{lateId}", world.RootToken);
        var after = await JsonOf(await host.SendAsync(HttpMethod.Get, "/api/v1/catalogo_perfiles_venta", apiKey: world.ApiKey));
        using var gone = await host.SendAsync(HttpMethod.Get, $"/api/v1/catalogo_perfiles_venta/{lateId}", apiKey: world.ApiKey);
        var kept = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/productos/{lateId}", world.RootToken);
        var listed = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{world.RouterPath}/productos", world.RootToken);

        Assert.Equal(["Hora destacada", "Hora", "Día"], before.EnumerateArray().Select(p => p.GetProperty("nombre_venta").GetString()));
        Assert.False(deleted.GetProperty("activo").GetBoolean());
        Assert.Equal(["Hora destacada", "Hora"], after.EnumerateArray().Select(p => p.GetProperty("nombre_venta").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("90.00", kept.GetProperty("precio").GetRawText());
        Assert.Equal(3, listed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Invalid_fields_are_named_and_nothing_is_written()
    {
        await using var world = await WorldWithProfileAsync(azurite);

        var problem = await JsonOf(await world.Host.SendAsync(HttpMethod.Post, $"{world.RouterPath}/productos", world.RootToken, new
        {
            nombre_venta = "", precio = 15.001m, moneda = "mxn", tiempo_segundos = 0, limite_mb = -1, limite_subida_kbps = 512, detalles = "texto",
        }), HttpStatusCode.UnprocessableEntity);
        var wrongProfile = await JsonOf(await world.Host.SendAsync(HttpMethod.Post, $"{world.RouterPath}/productos", world.RootToken,
            new { nombre_venta = "Hora", precio = 15m, moneda = "MXN", tiempo_segundos = 3600, perfil_mikrotik_nombre = "no-existe" }), HttpStatusCode.UnprocessableEntity);
        var listed = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{world.RouterPath}/productos", world.RootToken);

        Assert.Equal(
            ["detalles", "limite_mb", "limite_subida_kbps", "moneda", "nombre_venta", "precio", "tiempo_segundos"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("no-existe", wrongProfile.GetProperty("errors").GetProperty("perfil_mikrotik_nombre")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, listed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Another_companys_operator_and_router_key_see_nothing_of_a_product()
    {
        await using var world = await WorldWithProfileAsync(azurite);
        var host = world.Host;
        var id = (await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{world.RouterPath}/productos", world.RootToken, Hour())).GetProperty("id").GetString()!;
        var otherEmpresa = await host.CreateEmpresaAsync(world.RootToken, "Otra");
        await host.CreateUsuarioAsync(world.RootToken, "otra@hotspot.test", "cliente_admin", otherEmpresa);
        var other = await host.LoginAsync("otra@hotspot.test", TenancyHost.ClientePassword);
        var otherRouter = await host.CreateMikrotikRouterAsync(world.RootToken, otherEmpresa, "Otro");
        var (_, otherKey) = await host.IssueApiKeyAsync(world.RootToken, otherRouter);

        HttpStatusCode[] statuses =
        [
            (await host.SendAsync(HttpMethod.Get, $"/api/v1/admin/productos/{id}", other)).StatusCode,
            (await host.SendAsync(new HttpMethod("PATCH"), $"/api/v1/admin/productos/{id}", other, new { precio = 1m })).StatusCode,
            (await host.SendAsync(HttpMethod.Delete, $"/api/v1/admin/productos/{id}", other)).StatusCode,
            (await host.SendAsync(HttpMethod.Get, $"{world.RouterPath}/productos", other)).StatusCode,
            (await host.SendAsync(HttpMethod.Post, $"{world.RouterPath}/productos", other, Hour())).StatusCode,
            (await host.SendAsync(HttpMethod.Get, $"{world.RouterPath}/perfiles-mikrotik", other)).StatusCode,
            (await host.SendAsync(HttpMethod.Get, $"/api/v1/catalogo_perfiles_venta/{id}", apiKey: otherKey)).StatusCode,
        ];
        var theirs = await JsonOf(await host.SendAsync(HttpMethod.Get, "/api/v1/catalogo_perfiles_venta", apiKey: otherKey));
        var mine = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/productos/{id}", world.RootToken);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(0, theirs.GetArrayLength());
        Assert.Equal("15.00", mine.GetProperty("precio").GetRawText());
    }

    [Fact]
    public async Task A_company_operator_manages_its_own_routers_products_and_reads_its_profiles()
    {
        await using var world = await WorldWithProfileAsync(azurite);
        var host = world.Host;
        var empresa = (await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, world.RouterPath, world.RootToken)).GetProperty("empresa_id").GetInt64();
        await host.CreateUsuarioAsync(world.RootToken, "cafe@hotspot.test", "cliente_admin", empresa);
        var operador = await host.LoginAsync("cafe@hotspot.test", TenancyHost.ClientePassword);

        var perfiles = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{world.RouterPath}/perfiles-mikrotik", operador);
        var id = (await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{world.RouterPath}/productos", operador, Hour())).GetProperty("id").GetString()!;
        var patched = await host.ExpectAsync(HttpStatusCode.OK, new HttpMethod("PATCH"), $"/api/v1/admin/productos/{id}", operador, new { precio = 20.5m, destacado = true });
        var audit = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/audit", operador);

        Assert.Contains(perfiles.EnumerateArray(), p => p.GetProperty("nombre").GetString() == "5Mbps-1hora");
        Assert.Equal(("20.50", true, "1 hora"), (patched.GetProperty("precio").GetRawText(), patched.GetProperty("destacado").GetBoolean(), patched.GetProperty("nombre_venta").GetString()));
        // The test clock stands still, so both entries share a time: their order is not asserted.
        Assert.Equal(["producto.actualizar", "producto.crear"], audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("accion").GetString()).Where(a => a!.StartsWith("producto.", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task A_router_that_refuses_connections_makes_a_profile_check_a_503_with_Retry_After_and_writes_nothing()
    {
        await using var world = await WorldWithProfileAsync(azurite);
        world.Router.Simulator.RefuseConnections(true);

        using var response = await world.Host.SendAsync(HttpMethod.Post, $"{world.RouterPath}/productos", world.RootToken, Hour());
        var listed = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{world.RouterPath}/productos", world.RootToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("test-connection", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, listed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_deactivated_router_sells_nothing_and_config_public_names_company_and_router()
    {
        await using var world = await WorldWithProfileAsync(azurite);
        var config = await JsonOf(await world.Host.SendAsync(HttpMethod.Get, "/api/v1/config/public", apiKey: world.ApiKey));
        await world.Host.ExpectAsync(HttpStatusCode.OK, new HttpMethod("PATCH"), world.RouterPath, world.RootToken, new { activo = false });

        using var catalog = await world.Host.SendAsync(HttpMethod.Get, "/api/v1/catalogo_perfiles_venta", apiKey: world.ApiKey);

        Assert.Equal(["empresa", "router", "pagos", "marca"], config.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "nombre", "conekta_public_key", "mercadopago_public_key", "conekta_mode"], config.GetProperty("empresa").EnumerateObject().Select(p => p.Name));
        Assert.Equal((world.RouterId, "Lobby"), (config.GetProperty("router").GetProperty("id").GetInt64(), config.GetProperty("router").GetProperty("nombre").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, catalog.StatusCode);
    }

    [Fact]
    public async Task Config_public_offers_the_payment_providers_the_company_configured()
    {
        await using var world = await WorldWithProfileAsync(azurite);
        var before = await JsonOf(await world.Host.SendAsync(HttpMethod.Get, "/api/v1/config/public", apiKey: world.ApiKey));
        var empresaId = (await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, world.RouterPath, world.RootToken)).GetProperty("empresa_id").GetInt64();
        var unique = Guid.NewGuid().ToString("N")[..12];
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/empresas/{empresaId}/pagos/stripe", world.RootToken,
            new { api_key = $"sk_test_{unique}", webhook_secret = $"whsec_{unique}" });

        var after = await JsonOf(await world.Host.SendAsync(HttpMethod.Get, "/api/v1/config/public", apiKey: world.ApiKey));

        Assert.Empty(before.GetProperty("pagos").GetProperty("proveedores").EnumerateArray());
        Assert.Equal(["stripe"], after.GetProperty("pagos").GetProperty("proveedores").EnumerateArray().Select(p => p.GetString()));
        Assert.DoesNotContain(unique, after.GetRawText(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
