using System.Net;
using System.Text.Json;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Reports;

/// <summary>GET /api/v1/admin/ventas/resumen: money added exactly, per currency, and split by day, product or router.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SalesSummaryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Gross_refunds_chargebacks_and_net_are_exact_per_currency_with_counts_per_state_and_groups()
    {
        await using var seed = await SalesSeed.StartAsync(azurite);
        var (a1, a2, day1, day2) = (seed.RouterA1, seed.RouterA2, seed.Day1, seed.Day1.AddDays(1));
        await seed.AddAsync(seed.EmpresaA, a1, day1, CompraEstados.Provisionada, 1500);
        await seed.AddAsync(seed.EmpresaA, a1, day1, CompraEstados.Reembolsada, 1500);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            // Ten cents three times: exactly 0.30, as binary floating point would not add them.
            await seed.AddAsync(seed.EmpresaA, a2, day2, CompraEstados.Provisionada, 10, productoId: "PROMO", producto: "Promo");
        }

        await seed.AddAsync(seed.EmpresaA, a2, day2, CompraEstados.Provisionada, 2000, productoId: "DIA", producto: "Día", reembolsado: 550);
        await seed.AddAsync(seed.EmpresaA, a2, day2, CompraEstados.Contracargo, 250, moneda: "USD", productoId: "DIA", producto: "Día");
        await seed.AddAsync(seed.EmpresaA, a1, day2, CompraEstados.RequiereAtencion, 1500);
        await seed.AddAsync(seed.EmpresaA, a1, day2, CompraEstados.PendientePago, 1500);
        await seed.AddAsync(seed.EmpresaA, a1, day2, CompraEstados.Rechazada, 1500);
        await seed.AddAsync(seed.EmpresaB, seed.RouterB, day1, CompraEstados.Provisionada, 99900);

        var byDay = await seed.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/ventas/resumen", seed.OperadorA);
        var byProduct = await seed.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/ventas/resumen?agrupar=producto", seed.OperadorA);
        var byRouter = await seed.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/ventas/resumen?agrupar=router&desde=2026-11-21", seed.OperadorA);

        var monedas = byDay.GetProperty("monedas");
        Assert.Equal(["MXN", "USD"], monedas.EnumerateArray().Select(m => m.GetProperty("moneda").GetString()));
        // MXN sold: 15.00 + 15.00 (refunded) + 0.30 + 20.00 (5.50 refunded) + 15.00 (paid, awaiting the operator).
        Assert.Equal(("65.30", "20.50", "0.00", "44.80", 7), Money(monedas[0]));
        Assert.Equal(("2.50", "0.00", "2.50", "0.00", 1), Money(monedas[1]));
        var compras = byDay.GetProperty("compras");
        Assert.Equal(CompraEstados.All, compras.EnumerateObject().Select(p => p.Name));
        Assert.Equal((5, 1, 1, 1, 1, 1, 0), (compras.GetProperty("provisionada").GetInt32(), compras.GetProperty("reembolsada").GetInt32(),
            compras.GetProperty("contracargo").GetInt32(), compras.GetProperty("requiere_atencion").GetInt32(), compras.GetProperty("pendiente_pago").GetInt32(),
            compras.GetProperty("rechazada").GetInt32(), compras.GetProperty("expirada").GetInt32()));

        Assert.Equal("dia", byDay.GetProperty("agrupar").GetString());
        Assert.Equal([("2026-11-20", "MXN", "30.00", "15.00"), ("2026-11-21", "MXN", "35.30", "29.80"), ("2026-11-21", "USD", "2.50", "0.00")], Groups(byDay));
        Assert.Equal([($"{a1}-HORA", "MXN", "45.00", "30.00"), ($"{a2}-DIA", "MXN", "20.00", "14.50"), ($"{a2}-DIA", "USD", "2.50", "0.00"), ($"{a2}-PROMO", "MXN", "0.30", "0.30")],
            Groups(byProduct).OrderBy(g => g.Clave, StringComparer.Ordinal).ThenBy(g => g.Moneda, StringComparer.Ordinal));
        Assert.Equal("Promo", byProduct.GetProperty("grupos").EnumerateArray().Single(g => g.GetProperty("clave").GetString() == $"{a2}-PROMO").GetProperty("nombre").GetString());
        Assert.Equal([($"{a1}", "MXN", "15.00", "15.00"), ($"{a2}", "MXN", "20.30", "14.80"), ($"{a2}", "USD", "2.50", "0.00")], Groups(byRouter));
        Assert.Equal("2026-11-21T00:00:00-06:00", byRouter.GetProperty("desde").GetString()); // the start of that day in the company's zone, America/Mexico_City by default
    }

    private static (string, string, string, string, int) Money(JsonElement m) =>
        (m.GetProperty("ventas_brutas").GetRawText(), m.GetProperty("reembolsos").GetRawText(), m.GetProperty("contracargos").GetRawText(),
         m.GetProperty("netas").GetRawText(), m.GetProperty("pagadas").GetInt32());

    private static IEnumerable<(string Clave, string Moneda, string Brutas, string Netas)> Groups(JsonElement summary) =>
        summary.GetProperty("grupos").EnumerateArray().Select(g =>
            (g.GetProperty("clave").GetString()!, g.GetProperty("moneda").GetString()!, g.GetProperty("ventas_brutas").GetRawText(), g.GetProperty("netas").GetRawText()));
}
