using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.Vouchers;

/// <summary>
/// Voucher batches over the admin REST on a MikroTik RADIUS router (its fichas live in our tables): one batch per
/// Idempotency-Key, codes without look-alikes, the ledger, printing, a counter sale by a cajero and its shift report.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class VoucherBatchTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_cajero_creates_a_batch_once_per_key_prints_it_sells_a_ficha_once_and_sees_it_in_its_shift_report()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var routerId = await RadiusRouterAsync(world, world.A.EmpresaId);
        var cajero = await CajeroAsync(world);

        var body = new { cantidad = 30, validez = "2 hours", limite_datos_mb = 500, prefijo = "caf" };
        using var first = await PostAsync(world, $"/api/v1/admin/routers/{routerId}/lotes-fichas", cajero, body, "lote-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var lote = await TenancyHost.JsonAsync(first);
        using var again = await PostAsync(world, $"/api/v1/admin/routers/{routerId}/lotes-fichas", cajero, body, "lote-1");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(lote.GetProperty("id").GetInt64(), (await TenancyHost.JsonAsync(again)).GetProperty("id").GetInt64());
        using var otherBody = await PostAsync(world, $"/api/v1/admin/routers/{routerId}/lotes-fichas", cajero, body with { cantidad = 2 }, "lote-1");
        Assert.Equal(HttpStatusCode.Conflict, otherBody.StatusCode);

        var lotes = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{routerId}/lotes-fichas", cajero);
        var listed = Assert.Single(lotes.GetProperty("items").EnumerateArray());
        Assert.Equal("CAF", listed.GetProperty("prefijo").GetString());
        Assert.Equal(30, listed.GetProperty("libro").GetProperty("total").GetInt32());
        Assert.Equal(0, listed.GetProperty("libro").GetProperty("impresas").GetInt32());

        var loteId = lote.GetProperty("id").GetInt64();
        var codes = new List<string>();
        string? token = null;
        do
        {
            var page = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get,
                $"/api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}/fichas?limit=20" + (token is null ? "" : "&continuation_token=" + Uri.EscapeDataString(token)), cajero);
            codes.AddRange(page.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("codigo").GetString()!));
            token = page.GetProperty("continuation_token").GetString();
        }
        while (token is not null);
        Assert.Equal(30, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^CAF[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$", c));

        var printed = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}/impreso", cajero);
        Assert.Equal(30, printed.GetProperty("libro").GetProperty("impresas").GetInt32());

        var sale = await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post,
            $"/api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}/fichas/{codes[0]}/vender", cajero, new { precio = 15.00m, moneda = "MXN" });
        Assert.Equal(15.00m, sale.GetProperty("precio").GetDecimal());
        var twice = await world.Host.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post,
            $"/api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}/fichas/{codes[0]}/vender", cajero, new { precio = 15.00m, moneda = "MXN" });
        Assert.Contains("ya se vendió", twice.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post,
            $"/api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}/fichas/{codes[1]}/vender", cajero, new { precio = 20.50m, moneda = "MXN" });
        await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post,
            $"/api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}/fichas/{codes[2]}/vender", world.A.AdminToken, new { precio = 1.00m, moneda = "USD" });

        var one = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}", cajero);
        Assert.Equal(3, one.GetProperty("libro").GetProperty("vendidas").GetInt32());

        // The shift report is the cajero's own: 2 sales, 35.50 MXN; the admin's USD sale is not in it.
        var corte = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/ventas-mostrador/corte", cajero);
        Assert.Equal(2, corte.GetProperty("ventas").GetInt32());
        var total = Assert.Single(corte.GetProperty("totales").EnumerateArray());
        Assert.Equal("MXN", total.GetProperty("moneda").GetString());
        Assert.Equal(35.50m, total.GetProperty("total").GetDecimal());
        var adminCorte = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/ventas-mostrador/corte", world.A.AdminToken);
        Assert.Equal("USD", Assert.Single(adminCorte.GetProperty("totales").EnumerateArray()).GetProperty("moneda").GetString());

        var audit = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/audit?limit=100", world.A.AdminToken);
        var acciones = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("accion").GetString()).ToList();
        Assert.Contains("lote_fichas.crear", acciones);
        Assert.Contains("lote_fichas.imprimir", acciones);
        Assert.Equal(3, acciones.Count(a => a == "ficha.vender"));
    }

    [Fact]
    public async Task A_double_submit_at_the_same_moment_makes_one_batch()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var routerId = await RadiusRouterAsync(world, world.A.EmpresaId);
        var body = new { cantidad = 20, validez = "1 day" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(world, $"/api/v1/admin/routers/{routerId}/lotes-fichas", world.A.AdminToken, body, "doble")));
        try
        {
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        var lotes = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{routerId}/lotes-fichas", world.A.AdminToken);
        Assert.Equal(20, Assert.Single(lotes.GetProperty("items").EnumerateArray()).GetProperty("libro").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Another_company_cannot_see_use_or_sell_a_batch()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var routerId = await RadiusRouterAsync(world, world.A.EmpresaId);
        using var created = await PostAsync(world, $"/api/v1/admin/routers/{routerId}/lotes-fichas", world.A.AdminToken, new { cantidad = 2, validez = "1 day" }, "k");
        var loteId = (await TenancyHost.JsonAsync(created)).GetProperty("id").GetInt64();
        var b = world.B.AdminToken;
        using var make = await PostAsync(world, $"/api/v1/admin/routers/{routerId}/lotes-fichas", b, new { cantidad = 2, validez = "1 day" }, "k2");
        Assert.Equal(HttpStatusCode.NotFound, make.StatusCode);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/v1/admin/routers/{routerId}/lotes-fichas", b);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}/fichas", b);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, $"/api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}/impreso", b);
        // B's own router does not reach A's batch either.
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/v1/admin/routers/{world.B.RouterId}/lotes-fichas/{loteId}", b);
    }

    [Fact]
    public async Task Bad_batches_and_sales_are_refused_with_422_naming_each_field_and_write_nothing()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var routerId = await RadiusRouterAsync(world, world.A.EmpresaId);
        var admin = world.A.AdminToken;
        using var bad = await PostAsync(world, $"/api/v1/admin/routers/{routerId}/lotes-fichas", admin, new { cantidad = 501, validez = "3 semanas", limite_datos_mb = 0, prefijo = "no-0!" }, "bad");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        foreach (var field in new[] { "cantidad", "validez", "limite_datos_mb", "prefijo" })
        {
            Assert.Contains(field, text, StringComparison.Ordinal);
        }

        using var noKey = await PostAsync(world, $"/api/v1/admin/routers/{routerId}/lotes-fichas", admin, new { cantidad = 1, validez = "1 day" }, null);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        var none = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{routerId}/lotes-fichas", admin);
        Assert.Equal(0, none.GetProperty("items").GetArrayLength());

        using var created = await PostAsync(world, $"/api/v1/admin/routers/{routerId}/lotes-fichas", admin, new { cantidad = 1, validez = "1 day" }, "ok");
        var loteId = (await TenancyHost.JsonAsync(created)).GetProperty("id").GetInt64();
        var code = (await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}/fichas", admin))
            .GetProperty("items")[0].GetProperty("codigo").GetString();
        var badSale = await world.Host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post,
            $"/api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}/fichas/{code}/vender", admin, new { precio = -1, moneda = "PESOS" });
        Assert.Contains("precio", badSale.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("moneda", badSale.GetRawText(), StringComparison.Ordinal);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post,
            $"/api/v1/admin/routers/{routerId}/lotes-fichas/{loteId}/fichas/NOEXISTE/vender", admin, new { precio = 10, moneda = "MXN" });
        var corte = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/ventas-mostrador/corte", admin);
        Assert.Equal(0, corte.GetProperty("ventas").GetInt32());
        await world.Host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Get, "/api/v1/admin/ventas-mostrador/corte?desde=ayer", admin);
    }

    private static async Task<long> RadiusRouterAsync(SecurityWorld world, long empresaId)
    {
        var router = await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresaId}/routers", world.RootToken,
            new { nombre = "Terraza", tipo = "mikrotik", conexion = "radius" });
        return router.GetProperty("id").GetInt64();
    }

    private static async Task<string> CajeroAsync(SecurityWorld world)
    {
        await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/usuarios", world.A.AdminToken,
            new { email = "caja@a.test", password = "caja-password-123", nombre = "Caja", rol = "cajero" });
        return await world.Host.LoginAsync("caja@a.test", "caja-password-123");
    }

    private static async Task<HttpResponseMessage> PostAsync(SecurityWorld world, string path, string token, object body, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await world.Host.Host.Client.SendAsync(request);
    }
}
