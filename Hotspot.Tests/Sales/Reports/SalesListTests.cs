using System.Net;
using System.Text.Json;
using Hotspot.Sales.Provisioning;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Sales.Reports;

/// <summary>GET /api/v1/admin/compras and /compras/{id}: what an operator sees of its sales, and nothing of others'.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SalesListTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_operator_lists_its_companys_purchases_newest_first_with_their_history_filtered_and_paged()
    {
        await using var seed = await SalesSeed.StartAsync(azurite);
        var host = seed.Host;
        var first = await seed.AddAsync(seed.EmpresaA, seed.RouterA1, seed.Day1, CompraEstados.Provisionada, 1500);
        var second = await seed.AddAsync(seed.EmpresaA, seed.RouterA2, seed.Day1.AddDays(1), CompraEstados.Rechazada, 1500);
        var third = await seed.AddAsync(seed.EmpresaA, seed.RouterA1, seed.Day1.AddDays(2), CompraEstados.Reembolsada, 2000, reembolsado: 2000);
        await seed.AddAsync(seed.EmpresaB, seed.RouterB, seed.Day1, CompraEstados.Provisionada, 9900);
        const string list = "/api/v1/admin/compras";

        var all = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, list, seed.OperadorA);
        var byRouter = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{list}?router_id={seed.RouterA1}", seed.OperadorA);
        var byState = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{list}?estado=rechazada", seed.OperadorA);
        var byDay = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{list}?desde=2026-11-21&hasta=2026-11-21", seed.OperadorA);
        var fromTime = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{list}?desde=2026-11-21T15:00:00Z", seed.OperadorA);
        var page1 = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{list}?limit=2", seed.OperadorA);
        var page2 = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get,
            $"{list}?limit=2&continuation_token={Uri.EscapeDataString(page1.GetProperty("continuation_token").GetString()!)}", seed.OperadorA);

        Assert.Equal([third.Id, second.Id, first.Id], Ids(all));
        Assert.Equal([third.Id, first.Id], Ids(byRouter));
        Assert.Equal([second.Id], Ids(byState));
        Assert.Equal([second.Id], Ids(byDay));
        Assert.Equal([third.Id, second.Id], Ids(fromTime));
        Assert.Equal([third.Id, second.Id], Ids(page1));
        Assert.Equal([first.Id], Ids(page2));
        Assert.Equal(JsonValueKind.Null, page2.GetProperty("continuation_token").ValueKind);
        var item = all.GetProperty("items")[2];
        Assert.Equal(("provisionada", "15.00", "0.00", "MXN"),
            (item.GetProperty("estado").GetString(), item.GetProperty("monto").GetRawText(), item.GetProperty("monto_reembolsado").GetRawText(), item.GetProperty("moneda").GetString()));
        Assert.Equal((seed.EmpresaA, seed.RouterA1, "1 hora", 3600),
            (item.GetProperty("empresa_id").GetInt64(), item.GetProperty("router_id").GetInt64(), item.GetProperty("producto").GetProperty("nombre_venta").GetString(), item.GetProperty("producto").GetProperty("tiempo_segundos").GetInt32()));
        Assert.Equal(
            [("creada", "pendiente_pago", "creacion"), ("pendiente_pago", "provisionada", "webhook")],
            item.GetProperty("historial").EnumerateArray().Select(t => (t.GetProperty("desde").GetString(), t.GetProperty("hacia").GetString(), t.GetProperty("senal").GetString())));
        Assert.Equal("20.00", all.GetProperty("items")[0].GetProperty("monto_reembolsado").GetRawText());
    }

    [Fact]
    public async Task Another_companys_purchases_routers_and_ids_are_not_found_while_a_super_admin_reads_every_company_or_one()
    {
        await using var seed = await SalesSeed.StartAsync(azurite);
        var host = seed.Host;
        var mine = await seed.AddAsync(seed.EmpresaA, seed.RouterA1, seed.Day1, CompraEstados.Provisionada, 1500);
        var mine2 = await seed.AddAsync(seed.EmpresaA, seed.RouterA2, seed.Day1.AddHours(1), CompraEstados.Provisionada, 1500);
        var theirs = await seed.AddAsync(seed.EmpresaB, seed.RouterB, seed.Day1, CompraEstados.Provisionada, 9900);

        HttpStatusCode[] hidden =
        [
            (await host.SendAsync(HttpMethod.Get, $"/api/v1/admin/compras/{theirs.Id}", seed.OperadorA)).StatusCode,
            (await host.SendAsync(HttpMethod.Get, $"/api/v1/admin/compras?router_id={seed.RouterB}", seed.OperadorA)).StatusCode,
            (await host.SendAsync(HttpMethod.Get, $"/api/v1/admin/compras?empresa_id={seed.EmpresaB}", seed.OperadorA)).StatusCode,
            (await host.SendAsync(HttpMethod.Get, $"/api/v1/admin/ventas.csv?router_id={seed.RouterB}", seed.OperadorA)).StatusCode,
            (await host.SendAsync(HttpMethod.Get, $"/api/v1/admin/ventas/resumen?empresa_id={seed.EmpresaB}", seed.OperadorA)).StatusCode,
            (await host.SendAsync(HttpMethod.Get, "/api/v1/admin/compras/not-a-purchase", seed.OperadorA)).StatusCode,
            (await host.SendAsync(HttpMethod.Get, $"/api/v1/admin/compras?router_id={seed.RouterB}&empresa_id={seed.EmpresaA}", seed.Root)).StatusCode,
        ];
        var own = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/compras/{mine.Id}", seed.OperadorA);
        var everything = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/compras", seed.Root);
        var onlyB = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/compras?empresa_id={seed.EmpresaB}", seed.Root);
        var viaRouter = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/compras?router_id={seed.RouterB}", seed.Root);
        var acrossPage1 = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/compras?limit=2", seed.Root);
        var token = acrossPage1.GetProperty("continuation_token").GetString()!;
        var acrossPage2 = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/compras?limit=2&continuation_token={Uri.EscapeDataString(token)}", seed.Root);
        using var tokenForA = await host.SendAsync(HttpMethod.Get, $"/api/v1/admin/compras?continuation_token={Uri.EscapeDataString(token)}", seed.OperadorA);

        Assert.All(hidden, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(mine.Id, own.GetProperty("id_compra").GetString());
        Assert.Equal([mine2.Id, mine.Id, theirs.Id], Ids(everything));
        Assert.Equal([theirs.Id], Ids(onlyB));
        Assert.Equal([theirs.Id], Ids(viaRouter));
        Assert.Equal([mine2.Id, mine.Id], Ids(acrossPage1));
        Assert.Equal([theirs.Id], Ids(acrossPage2));
        // A token that continues into company B is no use to company A's operator.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tokenForA.StatusCode);
    }

    [Fact]
    public async Task Unreadable_filters_answer_422_naming_each()
    {
        await using var seed = await SalesSeed.StartAsync(azurite);

        using var response = await seed.Host.SendAsync(HttpMethod.Get,
            "/api/v1/admin/compras?estado=pagada&desde=ayer&router_id=-1&empresa_id=x", seed.Root);
        var problem = await Hotspot.Tests.Tenancy.TenancyHost.JsonAsync(response);
        using var reversed = await seed.Host.SendAsync(HttpMethod.Get, "/api/v1/admin/ventas/resumen?desde=2026-11-22&hasta=2026-11-21&agrupar=semana", seed.Root);
        var reversedProblem = await Hotspot.Tests.Tenancy.TenancyHost.JsonAsync(reversed);
        using var forged = await seed.Host.SendAsync(HttpMethod.Get, "/api/v1/admin/compras?continuation_token=bm9wZQ", seed.Root);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["desde", "empresa_id", "estado", "router_id"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reversed.StatusCode);
        Assert.Contains("agrupar", reversedProblem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/admin/compras?hasta=9999-12-31", "hasta")]
    [InlineData("/api/v1/admin/ventas/resumen?hasta=9999-12-31", "hasta")]
    [InlineData("/api/v1/admin/ventas.csv?hasta=9999-12-31T23:59:59Z", "hasta")]
    [InlineData("/api/v1/admin/ventas/resumen?desde=0001-01-01", "desde")]
    [InlineData("/api/v1/admin/compras?desde=0001-01-01T00:00:00%2B14:00", "desde")]
    public async Task A_date_the_server_cannot_represent_answers_422_naming_the_field(string path, string field)
    {
        await using var seed = await SalesSeed.StartAsync(azurite);

        using var response = await seed.Host.SendAsync(HttpMethod.Get, path, seed.Root);
        var problem = await Hotspot.Tests.Tenancy.TenancyHost.JsonAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task No_answer_carries_the_hotspot_password_the_consult_token_or_a_provider_secret()
    {
        await using var seed = await SalesSeed.StartAsync(azurite);
        var host = seed.Host;
        const string apiKey = "APP_USR-secret-access-token-123";
        const string webhookSecret = "mp-webhook-secret-456";
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/empresas/{seed.EmpresaA}/pagos/mercado_pago", seed.Root,
            new { api_key = apiKey, webhook_secret = webhookSecret });
        var compra = await seed.AddAsync(seed.EmpresaA, seed.RouterA1, seed.Day1, CompraEstados.Provisionada, 1500);
        var credentials = host.Host.Services.GetRequiredService<PurchaseCredentials>();
        var password = await credentials.PasswordAsync(compra.Id, compra.Usuario, CancellationToken.None);
        var consultToken = await credentials.ConsultTokenAsync(compra.Id, CancellationToken.None);

        var answers = new List<string>();
        foreach (var path in new[]
                 {
                     "/api/v1/admin/compras", $"/api/v1/admin/compras/{compra.Id}", "/api/v1/admin/ventas.csv",
                     "/api/v1/admin/ventas/resumen?agrupar=producto", "/api/v1/admin/ventas/resumen?agrupar=router",
                 })
        {
            using var response = await host.SendAsync(HttpMethod.Get, path, seed.OperadorA);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains(answers, a => a.Contains(compra.Usuario, StringComparison.Ordinal));
        foreach (var secret in new[] { password, consultToken, apiKey, webhookSecret })
        {
            Assert.DoesNotContain(answers, a => a.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static IEnumerable<string?> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id_compra").GetString());
}
