using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.DevHost.Demo;
using Hotspot.Sales.Purchases.Engine;
using Hotspot.Tests.Sales.Purchases;
using Hotspot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Demo;

/// <summary>The demo's sale, as the README walks a newcomer through it: buy an hour from a terminal and get credentials.</summary>
public sealed class DemoSaleTests
{
    [Fact]
    public async Task A_newcomer_buys_the_demo_hour_approves_it_at_the_simulator_and_polls_credentials_that_log_in()
    {
        var probe = new PurchaseProbe();
        await using var host = await RunningDevHost.StartAsync(
            new Dictionary<string, string?> { ["Hotspot:DevHost:Demo:Enabled"] = "true", ["Hotspot:Auth:BcryptCost"] = "4" },
            services => services.AddSingleton<IPurchaseStepObserver>(probe));
        var demo = await host.Services.GetRequiredService<DemoSeeder>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        using var control = new HttpClient { BaseAddress = demo.Payments.Simulator.ControlUrl, Timeout = TimeSpan.FromSeconds(30) };

        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/compras")
        {
            Content = JsonContent.Create(new
            {
                producto_id = demo.ProductoId, proveedor = "mercado_pago", mac_cliente = DemoSeeder.BuyerMac, ip_cliente = DemoSeeder.BuyerIp, url_login = DemoSeeder.DemoLoginUrl,
            }),
        };
        create.Headers.Add("X-API-Key", demo.ApiKey);
        create.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var created = await host.Client.SendAsync(create);
        var compra = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.Clone();
        var urlPago = new Uri(compra.GetProperty("pago").GetProperty("url_pago").GetString()!);
        using var paid = await control.PostAsJsonAsync($"/checkouts/{urlPago.Segments[^1]}/pay", new { outcome = "approve" });

        // Mercado Pago's webhook reaches the DevHost, which provisions the purchase (a newcomer polls by hand, later).
        await probe.ReachedAsync(compra.GetProperty("id_compra").GetString()!, "provisionada").WaitAsync(TimeSpan.FromSeconds(60));
        using var poll = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/compras/{compra.GetProperty("id_compra").GetString()}");
        poll.Headers.Add("X-API-Key", demo.ApiKey);
        poll.Headers.Add("X-Compra-Token", compra.GetProperty("token_consulta").GetString());
        using var polled = await host.Client.SendAsync(poll);
        var estado = JsonDocument.Parse(await polled.Content.ReadAsStringAsync()).RootElement.Clone();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("15.00", "MXN"), (compra.GetProperty("monto").GetRawText(), compra.GetProperty("moneda").GetString()));
        Assert.StartsWith(demo.Payments.Simulator.ApiBaseUrl.AbsoluteUri, urlPago.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("provisionada", estado.GetProperty("estado").GetString());
        var usuario = estado.GetProperty("usuario_hotspot").GetProperty("usuario").GetString()!;
        var user = Assert.Single(demo.Simulator.State.Snapshot()["/ip/hotspot/user"], u => u["name"] == usuario);
        Assert.Equal(("5Mbps-1hora", "1h"), (user["profile"], user["limit-uptime"]));
        Assert.Equal(estado.GetProperty("usuario_hotspot").GetProperty("contrasena").GetString(), user["password"]);
    }
}
