using System.Net;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Tenancy;

/// <summary>Malformed, mistyped, invalid and oversized bodies get a clear answer, and nothing is written.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdminBadInputTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Bad_bodies_are_refused_naming_the_field_and_nothing_is_written()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var routers = $"/api/v1/admin/empresas/{world.A.EmpresaId}/routers";
        var router = $"/api/v1/admin/routers/{world.A.RouterId}";
        var mikrotik = new { nombre = "R", tipo = "mikrotik", host = "192.0.2.1", usuario = "api", password = "secret-123" };
        var cases = new (string Name, HttpMethod Method, string Path, object Body, HttpStatusCode Status, string? Field)[]
        {
            ("not JSON", HttpMethod.Post, "/api/v1/admin/empresas", "{\"nombre\": ", HttpStatusCode.BadRequest, null),
            ("a JSON array", HttpMethod.Post, "/api/v1/admin/empresas", "[1,2]", HttpStatusCode.BadRequest, null),
            ("nombre of the wrong type", HttpMethod.Post, "/api/v1/admin/empresas", "{\"nombre\": 5}", HttpStatusCode.UnprocessableEntity, "nombre"),
            ("empty nombre", HttpMethod.Post, "/api/v1/admin/empresas", new { nombre = " " }, HttpStatusCode.UnprocessableEntity, "nombre"),
            ("over 64 KiB", HttpMethod.Post, "/api/v1/admin/empresas", new { nombre = "X", relleno = new string('x', 70 * 1024) }, HttpStatusCode.RequestEntityTooLarge, null),
            ("bad email", HttpMethod.Post, "/api/v1/admin/usuarios", new { email = "not-an-email", password = "password-123", nombre = "N", rol = "super_admin" }, HttpStatusCode.UnprocessableEntity, "email"),
            ("unknown rol", HttpMethod.Post, "/api/v1/admin/usuarios", new { email = "n@x.test", password = "password-123", nombre = "N", rol = "root" }, HttpStatusCode.UnprocessableEntity, "rol"),
            ("cliente_admin without a company", HttpMethod.Post, "/api/v1/admin/usuarios", new { email = "n@x.test", password = "password-123", nombre = "N", rol = "cliente_admin" }, HttpStatusCode.UnprocessableEntity, "empresa_id"),
            ("cliente_admin of a company that does not exist", HttpMethod.Post, "/api/v1/admin/usuarios", new { email = "n@x.test", password = "password-123", nombre = "N", rol = "cliente_admin", empresa_id = 999999 }, HttpStatusCode.UnprocessableEntity, "empresa_id"),
            ("short password", HttpMethod.Post, "/api/v1/admin/usuarios", new { email = "n@x.test", password = "short", nombre = "N", rol = "super_admin" }, HttpStatusCode.UnprocessableEntity, "password"),
            ("empresa_id of the wrong type", HttpMethod.Post, "/api/v1/admin/usuarios", "{\"email\":\"n@x.test\",\"password\":\"password-123\",\"nombre\":\"N\",\"rol\":\"cliente_admin\",\"empresa_id\":\"uno\"}", HttpStatusCode.UnprocessableEntity, "empresa_id"),
            ("port out of range", HttpMethod.Post, routers, new { mikrotik.nombre, mikrotik.tipo, mikrotik.host, mikrotik.usuario, mikrotik.password, puerto = 70000 }, HttpStatusCode.UnprocessableEntity, "puerto"),
            ("unknown router type", HttpMethod.Post, routers, new { nombre = "R", tipo = "cisco" }, HttpStatusCode.UnprocessableEntity, "tipo"),
            ("router without a password", HttpMethod.Post, routers, new { mikrotik.nombre, mikrotik.tipo, mikrotik.host, mikrotik.usuario }, HttpStatusCode.UnprocessableEntity, "password"),
            ("unifi without base_url", HttpMethod.Post, routers, new { nombre = "U", tipo = "unifi", site = "default", api_key = "k" }, HttpStatusCode.UnprocessableEntity, "base_url"),
            ("bad certificate pin", HttpMethod.Post, routers, new { mikrotik.nombre, mikrotik.tipo, mikrotik.host, mikrotik.usuario, mikrotik.password, certificado_sha256 = "abc" }, HttpStatusCode.UnprocessableEntity, "certificado_sha256"),
            ("port of the wrong type on update", HttpMethod.Patch, router, "{\"puerto\": \"abc\"}", HttpStatusCode.UnprocessableEntity, "puerto"),
            ("activo of the wrong type on update", HttpMethod.Patch, router, "{\"activo\": \"yes\"}", HttpStatusCode.UnprocessableEntity, "activo"),
        };

        var before = await world.SnapshotAsync();
        foreach (var (name, method, path, body, status, field) in cases)
        {
            using var response = await world.Host.SendAsync(method, path, world.RootToken, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{name}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (field is not null)
            {
                var problem = System.Text.Json.JsonDocument.Parse(text).RootElement;
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{name}: the problem does not name '{field}': {text}");
            }
        }

        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Fact]
    public async Task Unknown_properties_are_ignored()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var created = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/empresas", root, new { nombre = "Con extras", campo_nuevo = new { x = 1 } });
        Assert.Equal("Con extras", created.GetProperty("nombre").GetString());
        Assert.False(created.TryGetProperty("campo_nuevo", out _));
    }
}
