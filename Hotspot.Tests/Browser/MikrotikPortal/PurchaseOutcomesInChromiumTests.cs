using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Browser.MikrotikPortal;

/// <summary>
/// Every way a purchase ends on the MikroTik portal, in headless Chromium at 360×740: each outcome has its own screen
/// (from the API's <c>mensaje</c>) and a way forward, and reopening the portal never traps the guest. Each keeps a
/// screenshot in TestResults/screenshots.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PurchaseOutcomesInChromiumTests(AzuriteFixture azurite, PortalStageFixture fixture) : IClassFixture<PortalStageFixture>
{
    [ChromiumFact]
    public async Task Cancel_on_the_hosted_page_brings_the_guest_back_to_the_catalog_with_the_reason_and_reopening_shows_the_catalog()
    {
        var stage = await BuyingAsync("10.5.50.31");
        await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.querySelector('button[value=cancel]').click()"));
        await stage.StateAsync("catalog");
        var reason = await stage.TextAsync("message");
        await stage.ScreenshotAsync("purchase-cancelled");
        var stored = await stage.StoredAsync("hs_compra");

        await stage.BrowseAsync();
        var reopened = await stage.StateAsync("catalog", "pending");

        Assert.Equal("El pago fue cancelado.", reason);
        Assert.Null(stored);
        Assert.Equal("catalog", reopened);
    }

    [ChromiumFact]
    public async Task Cash_pending_says_the_page_may_be_closed_reopening_finds_the_purchase_and_once_paid_shows_the_receipt()
    {
        var stage = await BuyingAsync("10.5.50.32");
        var checkout = await CheckoutIdAsync(stage);
        await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.querySelector('button[value=pending]').click()"));
        await stage.StateAsync("cash-pending");
        var title = await stage.TextAsync("purchase-title");
        var advice = await stage.TextAsync("purchase-text");
        var abandon = await stage.TextAsync("purchase-abandon");
        await stage.ScreenshotAsync("purchase-cash-pending");

        // The guest closes the page and comes back later: the device's storage finds the purchase again.
        await stage.Browser.NavigateAsync(new Uri(PortalStage.Origin + "/portal.css"));
        await stage.BrowseAsync();
        var reopened = await stage.StateAsync("cash-pending", "catalog");
        await SettleAsync(stage, checkout, paid: true);
        await stage.StateAsync("receipt");
        await stage.ScreenshotAsync("purchase-cash-paid-receipt");
        var user = await stage.TextAsync("credential-user");

        Assert.Equal("Pago pendiente", title);
        Assert.Equal("Pago pendiente: se confirmará en cuanto el proveedor lo acredite. Puedes cerrar esta página; vuelve aquí cuando esté pagado. Este dispositivo recuerda tu compra.", advice);
        Assert.Equal("Abandonar esta compra", abandon);
        Assert.Equal("cash-pending", reopened);
        Assert.False(string.IsNullOrEmpty(user));
    }

    [ChromiumFact]
    public async Task A_rejected_payment_brings_the_guest_back_to_the_catalog_with_the_reason()
    {
        var stage = await BuyingAsync("10.5.50.33");
        var checkout = await CheckoutIdAsync(stage);
        await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.querySelector('button[value=pending]').click()"));
        await stage.StateAsync("cash-pending");
        await SettleAsync(stage, checkout, paid: false);
        await stage.StateAsync("catalog");
        var reason = await stage.TextAsync("message");
        await stage.ScreenshotAsync("purchase-rejected");

        Assert.Equal("El pago fue rechazado.", reason);
    }

    [ChromiumFact]
    public async Task An_expired_checkout_shows_its_screen_and_starting_a_new_purchase_opens_the_catalog()
    {
        var stage = await BuyingAsync("10.5.50.34");
        await stage.BrowseAsync();
        await stage.StateAsync("pending");
        using (var control = new HttpClient { BaseAddress = stage.Payments.ControlUrl })
        using (var advanced = await control.PostAsJsonAsync("/clock/advance", new { seconds = 2 * 3600 }))
        {
            advanced.EnsureSuccessStatusCode();
        }

        await stage.StateAsync("purchase-expired");
        var title = await stage.TextAsync("purchase-title");
        var text = await stage.TextAsync("purchase-text");
        var action = await stage.TextAsync("purchase-back");
        await stage.ScreenshotAsync("purchase-expired");
        await stage.Browser.EvaluateAsync("document.getElementById('purchase-back').click()");
        var next = await stage.StateAsync("catalog");

        Assert.Equal("Se terminó el tiempo para pagar", title);
        Assert.Equal("El tiempo para pagar terminó; inicia una compra nueva.", text);
        Assert.Equal("Iniciar una compra nueva", action);
        Assert.Equal("catalog", next);
    }

    [ChromiumFact]
    public async Task Reopening_the_portal_on_an_unpaid_purchase_offers_to_abandon_it_and_abandoning_returns_to_the_catalog()
    {
        var stage = await BuyingAsync("10.5.50.35");
        await stage.BrowseAsync();
        await stage.StateAsync("pending");
        await stage.ScreenshotAsync("purchase-pending-abandon");
        await stage.Browser.EvaluateAsync("document.getElementById('purchase-abandon').click()");
        await stage.StateAsync("catalog");
        var reason = await stage.TextAsync("message");
        var stored = await stage.StoredAsync("hs_compra");
        await stage.ScreenshotAsync("purchase-abandoned");

        Assert.Equal("El pago fue cancelado.", reason);
        Assert.Null(stored);
    }

    /// <summary>A new guest on the catalog taps "Comprar" and is on the payment simulator's hosted page.</summary>
    private async Task<PortalStage> BuyingAsync(string ip)
    {
        var stage = await fixture.StageAsync(azurite);
        await stage.WriteConfigAsync(idioma: "es");
        await stage.ForgetEverythingAsync();
        stage.Device(PortalStage.RandomMac(), ip);
        await stage.BrowseAsync();
        await stage.StateAsync("catalog");
        await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.querySelector('#products .buy').click()"));
        return stage;
    }

    private static async Task<string> CheckoutIdAsync(PortalStage stage) =>
        Uri.UnescapeDataString(new Uri((await stage.Browser.EvaluateAsync("location.href"))!).Segments[^1]);

    /// <summary>The cash payment is paid (or fails) at the provider, as the simulator's control port lets a test say.</summary>
    private static async Task SettleAsync(PortalStage stage, string checkoutId, bool paid)
    {
        using var control = new HttpClient { BaseAddress = stage.Payments.ControlUrl };
        var state = JsonDocument.Parse(await control.GetStringAsync("/state")).RootElement;
        var payment = state.GetProperty("payments").EnumerateArray().Last(p => p.GetProperty("checkout_id").GetString() == checkoutId).GetProperty("id").GetString();
        using var settled = await control.PostAsJsonAsync($"/payments/{payment}/settle", new { paid });
        settled.EnsureSuccessStatusCode();
    }
}
