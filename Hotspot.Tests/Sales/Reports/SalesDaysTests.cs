using System.Net;
using System.Text.Json;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Reports;

/// <summary>A company's sales days are its own (America/Mexico_City unless it chose another): an evening sale in Mexico is that evening's, in the summary and in the filters.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SalesDaysTests(AzuriteFixture azurite)
{
    // 20:30 on 6 December in Mexico City (UTC-6): 02:30 on the 7th in UTC.
    private static readonly DateTimeOffset EveningInMexico = new(2026, 12, 7, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_company_in_mexico_city_by_default_sees_an_evening_sale_on_that_day_and_a_bare_date_filter_means_its_own_day()
    {
        await using var seed = await SalesSeed.StartAsync(azurite);
        var empresa = await seed.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/mi-empresa", seed.OperadorA);
        var hotel = await seed.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/empresas/{seed.EmpresaB}", seed.Root, new { zona_horaria = "UTC" });
        await seed.AddAsync(seed.EmpresaA, seed.RouterA1, EveningInMexico, CompraEstados.Provisionada, 1500);
        // A minute either side of midnight, Mexico City time.
        await seed.AddAsync(seed.EmpresaA, seed.RouterA1, new DateTimeOffset(2026, 12, 7, 5, 59, 0, TimeSpan.Zero), CompraEstados.Provisionada, 1000);
        await seed.AddAsync(seed.EmpresaA, seed.RouterA1, new DateTimeOffset(2026, 12, 7, 6, 1, 0, TimeSpan.Zero), CompraEstados.Provisionada, 700);
        await seed.AddAsync(seed.EmpresaB, seed.RouterB, EveningInMexico, CompraEstados.Provisionada, 2000);

        var mexico = await seed.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/ventas/resumen", seed.OperadorA);
        var utc = await seed.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/ventas/resumen?empresa_id={seed.EmpresaB}", seed.Root);
        var thatDay = await seed.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/compras?desde=2026-12-06&hasta=2026-12-06", seed.OperadorA);
        var nextDay = await seed.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/compras?desde=2026-12-07", seed.OperadorA);

        Assert.Equal("America/Mexico_City", empresa.GetProperty("zona_horaria").GetString());
        Assert.Equal("UTC", hotel.GetProperty("zona_horaria").GetString());
        Assert.Equal("America/Mexico_City", mexico.GetProperty("zona_horaria").GetString());
        Assert.Equal([("2026-12-06", "25.00"), ("2026-12-07", "7.00")], mexico.GetProperty("grupos").EnumerateArray()
            .Select(g => (g.GetProperty("clave").GetString(), g.GetProperty("ventas_brutas").GetRawText())));
        Assert.Equal("UTC", utc.GetProperty("zona_horaria").GetString());
        Assert.Equal(["2026-12-07"], Days(utc));
        Assert.Equal(2, thatDay.GetProperty("items").GetArrayLength());
        Assert.Equal(1, nextDay.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("+05:00")]
    public async Task A_zone_that_does_not_exist_answers_422_naming_zona_horaria_and_changes_nothing(string zone)
    {
        await using var seed = await SalesSeed.StartAsync(azurite);

        using var response = await seed.Host.SendAsync(HttpMethod.Patch, "/api/v1/admin/mi-empresa", seed.OperadorA, new { zona_horaria = zone });
        var problem = await Hotspot.Tests.Tenancy.TenancyHost.JsonAsync(response);
        var empresa = await seed.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/mi-empresa", seed.OperadorA);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["zona_horaria"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("America/Mexico_City", empresa.GetProperty("zona_horaria").GetString());
    }

    private static IEnumerable<string?> Days(JsonElement summary) =>
        summary.GetProperty("grupos").EnumerateArray().Select(g => g.GetProperty("clave").GetString());
}
