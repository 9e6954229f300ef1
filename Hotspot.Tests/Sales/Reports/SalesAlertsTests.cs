using System.Net;
using System.Text.Json;
using Hotspot.Sales.Alerts;
using Hotspot.Sales.Payments;
using Hotspot.Sales.Payments.Webhooks;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Sales.Reports;

/// <summary>Sales alerts reach operators through the audit log (GET /api/v1/admin/audit), each once however often it is noticed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SalesAlertsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Attention_orphan_and_duplicate_payment_alerts_appear_once_each_for_the_company_and_the_super_admin_only()
    {
        await using var seed = await SalesSeed.StartAsync(azurite);
        var alerts = seed.Host.Host.Services.GetRequiredService<SalesAlerts>();
        var stuck = await seed.AddAsync(seed.EmpresaA, seed.RouterA1, seed.Day1, CompraEstados.RequiereAtencion, 1500);
        var twice = await seed.AddAsync(seed.EmpresaA, seed.RouterA1, seed.Day1, CompraEstados.Provisionada, 1500);
        var orphan = new WebhookNotice(PaymentProviderKind.MercadoPago, "req-1:777", "payment.updated", "777", null, "777", seed.Day1);
        var duplicate = PaymentTruth.Of(PaymentState.Open,
        [
            new ProviderPayment("101", PaymentState.Approved, "approved", 15m, 0m),
            new ProviderPayment("102", PaymentState.Approved, "approved", 15m, 0m),
            new ProviderPayment("100", PaymentState.Rejected, "rejected", 15m, 0m),
        ]);
        var single = PaymentTruth.Of(PaymentState.Open, [new ProviderPayment("103", PaymentState.Approved, "approved", 15m, 0m)]);

        // Every signal that notices a condition raises it: five at once, then again later.
        var raised = await Task.WhenAll(Enumerable.Range(0, 5).SelectMany(_ => new[]
        {
            alerts.RequiereAtencionAsync(stuck, CancellationToken.None),
            alerts.PagoHuerfanoAsync(seed.EmpresaA, orphan, CancellationToken.None),
            alerts.PagosDuplicadosAsync(twice, duplicate, CancellationToken.None),
            alerts.PagosDuplicadosAsync(stuck, single, CancellationToken.None),
        }));
        var again = await alerts.PagosDuplicadosAsync(twice, duplicate, CancellationToken.None);

        var forA = await AlertsAsync(seed, seed.OperadorA);
        var forRoot = await AlertsAsync(seed, seed.Root);
        await seed.Host.CreateUsuarioAsync(seed.Root, "b@ventas.test", "cliente_admin", seed.EmpresaB);
        var forB = await AlertsAsync(seed, await seed.Host.LoginAsync("b@ventas.test", Hotspot.Tests.Tenancy.TenancyHost.ClientePassword));

        Assert.Equal(3, raised.Count(r => r));
        Assert.False(again);
        Assert.Equal(
            [
                ("alerta.pago_duplicado", $"compra:{twice.Id} pagos:mercado_pago:101,102"),
                ("alerta.pago_huerfano", "pago:mercado_pago:777"),
                ("alerta.requiere_atencion", $"compra:{stuck.Id}"),
            ],
            forA.Select(e => (e.GetProperty("accion").GetString(), e.GetProperty("objetivo").GetString())).Order());
        Assert.All(forA, e => Assert.Equal(("sistema", "sistema", seed.EmpresaA), (e.GetProperty("actor_email").GetString(), e.GetProperty("actor_rol").GetString(), e.GetProperty("empresa_id").GetInt64())));
        Assert.Equal(3, forRoot.Count);
        Assert.Empty(forB);
    }

    [Fact]
    public async Task An_alert_whose_writer_died_after_claiming_it_is_written_by_the_next_signal_and_not_lost()
    {
        await using var seed = await SalesSeed.StartAsync(azurite);
        var services = seed.Host.Host.Services;
        var stuck = await seed.AddAsync(seed.EmpresaA, seed.RouterA1, seed.Day1, CompraEstados.RequiereAtencion, 1500);
        // A worker claimed the alert and died before writing the audit entry.
        var abandoned = await services.GetRequiredService<SalesAlertLedger>().ClaimAsync(
            seed.EmpresaA, SalesAlertActions.RequiereAtencion, stuck.Id, $"compra:{stuck.Id}", seed.Host.Clock.GetUtcNow(), CancellationToken.None);
        var alerts = services.GetRequiredService<SalesAlerts>();

        var whileClaimed = await alerts.RequiereAtencionAsync(stuck, CancellationToken.None);
        seed.Host.Clock.Advance(SalesAlertLedger.ClaimTimeout + TimeSpan.FromSeconds(1));
        var afterTimeout = await alerts.RequiereAtencionAsync(stuck, CancellationToken.None);
        var thereafter = await alerts.RequiereAtencionAsync(stuck, CancellationToken.None);

        Assert.NotNull(abandoned);
        Assert.Equal((false, true, false), (whileClaimed, afterTimeout, thereafter));
        Assert.Single(await AlertsAsync(seed, seed.OperadorA));
    }

    private static async Task<List<JsonElement>> AlertsAsync(SalesSeed seed, string token)
    {
        var page = await seed.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/audit?limit=200", token);
        return [.. page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("accion").GetString()!.StartsWith("alerta.", StringComparison.Ordinal))];
    }
}
