using System.Net;
using System.Text.Json;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Browser.OperatorConsole;

/// <summary>
/// The operator console in headless Chromium, at a desktop and a 360 px phone size, against the DevHost with the
/// RouterOS and payment simulators: everything it shows comes from the public REST. Each keeps its screenshots in
/// TestResults/screenshots (console-*-desktop.png, console-*-phone.png).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConsoleInChromiumTests(AzuriteFixture azurite)
{
    [ChromiumFact]
    public Task An_operator_signs_in_creates_a_product_sees_its_sale_on_the_dashboard_and_in_the_list_and_refunds_it_on_a_desktop() =>
        SellAndRefundAsync(phone: false);

    [ChromiumFact]
    public Task An_operator_signs_in_creates_a_product_sees_its_sale_on_the_dashboard_and_in_the_list_and_refunds_it_on_a_phone() =>
        SellAndRefundAsync(phone: true);

    private async Task SellAndRefundAsync(bool phone)
    {
        await using var stage = await ConsoleStage.StartAsync(azurite, phone);
        await stage.OpenAsync();
        var title = await stage.TextOfAsync(".login-card h1");
        await stage.ScreenshotAsync("login");
        await stage.SignInAsync();
        var emptyToday = await stage.TextOfAsync("#period-today");

        // A product, made in the console's form.
        await stage.GoAsync("productos");
        await stage.ClickAsync("#new-product");
        await stage.SubmitAsync("#product-form", new Dictionary<string, string>
        {
            ["nombre_venta"] = "2 horas <b>VIP</b>", ["descripcion"] = "Internet rápido", ["precio"] = "25.50", ["moneda"] = "MXN",
            ["tiempo_minutos"] = "120", ["perfil_mikrotik_nombre"] = Hotspot.Tests.Sales.Purchases.SalesWorld.Profile,
        });
        var productoId = await stage.UntilAsync("[...document.querySelectorAll('#products tbody tr')].find(r => r.textContent.includes('2 horas'))?.dataset.id");
        var productRow = await stage.TextOfAsync($"#products tr[data-id={ConsoleStage.Js(productoId)}]");
        var injected = await stage.Browser.EvaluateAsync("document.querySelectorAll('#products b').length");
        await stage.ScreenshotAsync("products");

        // A guest buys it on the portal and pays at the provider (the payment simulator).
        var compraId = await stage.GuestBuysAsync(productoId);

        await stage.GoAsync("panel");
        var gross = await stage.TextOfAsync("#period-today [data-moneda=MXN] [data-k=ventas_brutas]");
        var net = await stage.TextOfAsync("#period-today [data-moneda=MXN] [data-k=netas]");
        var top = await stage.TextOfAsync("#top-products li");
        var bars = await stage.Browser.EvaluateAsync("document.querySelectorAll('#chart rect').length");
        await stage.ScreenshotAsync("dashboard");

        await stage.GoAsync("ventas");
        var saleRow = await stage.TextOfAsync($"#sales tr[data-id={ConsoleStage.Js(compraId)}]");
        await stage.ScreenshotAsync("sales");

        // The refund: from the list to the purchase, full, confirmed in the page's dialog.
        await stage.ClickAsync($"#sales tr[data-id={ConsoleStage.Js(compraId)}] a");
        await stage.UntilAsync("document.querySelector('#refund-form')");
        await stage.ClickAsync("#refund-submit");
        var question = await stage.TextOfAsync("#confirm-text");
        await stage.ScreenshotAsync("refund-confirm");
        await stage.ClickAsync("#confirm-yes");
        var done = await stage.TextOfAsync(".view .notice.ok");
        var history = await stage.TextOfAsync("#purchase-history");
        await stage.ScreenshotAsync("refund");

        var afterRefund = await stage.World.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/compras/{compraId}", stage.World.RootToken);
        await stage.GoAsync("panel");
        var refunds = await stage.TextOfAsync("#period-today [data-moneda=MXN] [data-k=reembolsos]");
        var netAfter = await stage.TextOfAsync("#period-today [data-moneda=MXN] [data-k=netas]");

        Assert.Equal("Inicia sesión", title);
        Assert.Contains("Sin ventas", emptyToday, StringComparison.Ordinal);
        Assert.Contains("2 horas <b>VIP</b>", productRow, StringComparison.Ordinal);
        Assert.Contains("MXN 25.50", productRow, StringComparison.Ordinal);
        Assert.Contains("2 h", productRow, StringComparison.Ordinal);
        Assert.Equal("0", injected);
        Assert.Equal("MXN 25.50", gross);
        Assert.Equal("MXN 25.50", net);
        Assert.Contains("2 horas <b>VIP</b>", top, StringComparison.Ordinal);
        Assert.Equal("30", bars);
        Assert.Contains("Provisionada", saleRow, StringComparison.Ordinal);
        Assert.Contains("MXN 25.50", saleRow, StringComparison.Ordinal);
        Assert.Equal("¿Reembolsar todo lo que queda (MXN 25.50) y retirar el acceso?", question);
        Assert.Equal("Reembolso hecho: MXN 25.50. Estado: Reembolsada.", done);
        Assert.Contains("Reembolsada", history, StringComparison.Ordinal);
        Assert.Equal("reembolsada", afterRefund.GetProperty("estado").GetString());
        Assert.Equal(25.50m, afterRefund.GetProperty("monto_reembolsado").GetDecimal());
        Assert.Empty(stage.World.UsersOf(compraId));
        Assert.Equal("MXN 25.50", refunds);
        Assert.Equal("MXN 0.00", netAfter);
    }
}
