using System.Net;
using System.Text.RegularExpressions;
using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Tenancy;

/// <summary>
/// The cajero role, enforced by the API: a company's cliente_admin creates its cashiers, and a cashier's token opens only
/// the routes of <see cref="CajeroAccess"/>. Every admin route of the route table is tried, so a new route cannot open to
/// cashiers unnoticed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class CajeroRoleTests(AzuriteFixture azurite)
{
    private const string CajeroEmail = "caja@empresa-a.test";
    private const string CajeroPassword = "caja-password-123";

    [Fact]
    public async Task A_cliente_admin_creates_lists_and_deactivates_its_own_cajero_and_no_other_company_sees_it()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var cajeroId = await CreateCajeroAsync(world);

        var listed = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/usuarios", world.A.AdminToken);
        var only = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal(cajeroId, only.GetProperty("id").GetInt64());
        Assert.Equal("cajero", only.GetProperty("rol").GetString());
        Assert.Equal(world.A.EmpresaId, only.GetProperty("empresa_id").GetInt64());

        var cajero = await world.Host.LoginAsync(CajeroEmail, CajeroPassword);
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/auth/change-password", cajero, new { current_password = CajeroPassword, new_password = "caja-password-456" });
        await world.Host.LoginAsync(CajeroEmail, "caja-password-456");

        // Company B's admin neither sees nor changes A's cashier, nor makes one in A.
        var bList = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/usuarios", world.B.AdminToken);
        Assert.Equal(0, bList.GetProperty("items").GetArrayLength());
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/v1/admin/usuarios/{cajeroId}", world.B.AdminToken);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Patch, $"/api/v1/admin/usuarios/{cajeroId}", world.B.AdminToken, new { activo = false });
        var foreign = await world.Host.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/admin/usuarios", world.B.AdminToken,
            new { email = "intruso@empresa-b.test", password = "password-123", nombre = "Intruso", rol = "cajero", empresa_id = world.A.EmpresaId });
        Assert.Contains("propia empresa", foreign.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // A cliente_admin cannot promote its cashier.
        await world.Host.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Patch, $"/api/v1/admin/usuarios/{cajeroId}", world.A.AdminToken, new { rol = "cliente_admin" });

        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/usuarios/{cajeroId}", world.A.AdminToken, new { activo = false });
        await world.Host.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, $"/api/v1/admin/routers/{world.A.RouterId}", cajero);
        var audit = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/audit?limit=100", world.A.AdminToken);
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("accion").GetString() == "usuario.crear" && e.GetProperty("objetivo").GetString() == $"usuario:{cajeroId}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("accion").GetString() == "usuario.desactivar");
    }

    [Fact]
    public async Task A_cajero_without_a_company_is_refused_with_words()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var refused = await world.Host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/admin/usuarios", world.RootToken,
            new { email = "c@x.test", password = "password-123", nombre = "C", rol = "cajero" });
        Assert.Contains("empresa_id", refused.GetRawText(), StringComparison.Ordinal);
        var unknownRole = await world.Host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/admin/usuarios", world.RootToken,
            new { email = "c@x.test", password = "password-123", nombre = "C", rol = "cashier", empresa_id = world.A.EmpresaId });
        Assert.Contains("cajero", unknownRole.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_admin_route_answers_a_cajero_403_unless_it_is_one_a_cashier_may_use_and_nothing_changes()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        await CreateCajeroAsync(world);
        var cajero = await world.Host.LoginAsync(CajeroEmail, CajeroPassword);
        var before = await world.SnapshotAsync();

        var sessionRoutes = RouteTable.All.Where(r => r.Auth is AuthKind.Session or AuthKind.SuperAdmin or AuthKind.ClienteAdmin).ToList();
        Assert.All(CajeroAccess.Routes, name => Assert.Contains(sessionRoutes, r => r.Name == name));
        foreach (var route in sessionRoutes)
        {
            var path = PathOf(route, world.A);
            var method = new HttpMethod(route.Verbs[0]);
            using var response = await world.Host.SendAsync(method, path, cajero, method == HttpMethod.Get || method == HttpMethod.Delete ? null : "{}");
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (CajeroAccess.Allows(route.Name))
            {
                Assert.True(status is not (401 or 403) && status < 500, $"{route.Name} {method} {path}: a cajero may use it, got {status}: {body}");
            }
            else
            {
                Assert.True(status == 403, $"{route.Name} {method} {path}: expected 403 for a cajero, got {status}: {body}");
                Assert.Matches("\"detail\":\"[^\"]{10,}", body);
            }
        }

        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Fact]
    public async Task A_cajero_reads_its_own_company_routers_and_not_another_company()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        await CreateCajeroAsync(world);
        var cajero = await world.Host.LoginAsync(CajeroEmail, CajeroPassword);

        var routers = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/empresas/{world.A.EmpresaId}/routers", cajero);
        Assert.Equal(world.A.RouterId, Assert.Single(routers.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{world.A.RouterId}", cajero);
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{world.A.RouterId}/productos", cajero);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/v1/admin/routers/{world.B.RouterId}", cajero);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/v1/admin/empresas/{world.B.EmpresaId}/routers", cajero);

        // The hand-made router edit the console never offers a cashier: refused by the API, in words.
        var edit = await world.Host.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Patch, $"/api/v1/admin/routers/{world.A.RouterId}", cajero, new { nombre = "Mío" });
        Assert.Equal(CajeroAccess.Refusal, edit.GetProperty("detail").GetString());
        var router = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{world.A.RouterId}", world.RootToken);
        Assert.Equal("Router a", router.GetProperty("nombre").GetString());
    }

    [Fact]
    public async Task A_cajero_of_a_deactivated_company_is_refused_everywhere()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        await CreateCajeroAsync(world);
        var cajero = await world.Host.LoginAsync(CajeroEmail, CajeroPassword);
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{world.A.RouterId}", cajero);

        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/empresas/{world.A.EmpresaId}", world.RootToken, new { activa = false });

        var refused = await world.Host.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, $"/api/v1/admin/routers/{world.A.RouterId}", cajero);
        Assert.Contains("desactivada", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<long> CreateCajeroAsync(SecurityWorld world)
    {
        // Without empresa_id: a cliente_admin's cashier is of its own company.
        var body = await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/usuarios", world.A.AdminToken,
            new { email = CajeroEmail, password = CajeroPassword, nombre = "Caja 1", rol = "cajero" });
        return body.GetProperty("id").GetInt64();
    }

    private static string PathOf(HotspotRoute route, SecurityWorld.Company own) => Placeholder().Replace(route.Path, match => match.Groups[1].Value switch
    {
        "empresaId" => own.EmpresaId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "routerId" => own.RouterId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "usuarioId" => own.AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "keyId" => own.KeyId,
        "proveedor" => "stripe",
        _ => "1",
    });

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
