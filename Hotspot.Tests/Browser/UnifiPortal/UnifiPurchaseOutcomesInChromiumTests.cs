using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Browser.UnifiPortal;

/// <summary>
/// Buying on the UniFi guest page in headless Chromium at 360×740 with JavaScript off, at a branded venue: each way a
/// purchase ends has its own screen and a way forward, and reopening the page never traps the guest. Each test keeps
/// a screenshot (TestResults/screenshots/unifi-*.png; the README shows the copies in docs/screenshots).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnifiPurchaseOutcomesInChromiumTests(AzuriteFixture azurite, UnifiPortalStageFixture fixture) : IClassFixture<UnifiPortalStageFixture>
{
    [ChromiumFact]
    public async Task A_branded_venue_shows_its_name_colours_contact_and_the_terms_it_asks_to_accept()
    {
        var stage = await fixture.StageAsync(azurite);
        var phone = await stage.NewGuestAsync();
        await stage.OpenAsync(phone);
        var state = await stage.StateAsync("catalog");
        var venue = await stage.TextAsync("venue");
        var terms = await stage.TextAsync("terms");
        var products = await stage.TextAsync("products");
        var contact = await stage.TextAsync("contact");
        var colour = await stage.Browser.EvaluateAsync("getComputedStyle(document.querySelector('button.buy')).backgroundColor");
        await stage.ScreenshotAsync("unifi-branded-catalog");

        Assert.Equal("catalog", state);
        Assert.Equal(UnifiPortalStage.Venue, venue);
        Assert.Equal(UnifiPortalStage.Terms, terms);
        Assert.Contains("$15.00 MXN", products, StringComparison.Ordinal);
        Assert.Contains("Pagar con Mercado Pago", products, StringComparison.Ordinal);
        Assert.Contains(UnifiPortalStage.Phone, contact, StringComparison.Ordinal);
        Assert.Equal("rgb(138, 59, 18)", colour);
    }

    [ChromiumFact]
    public async Task An_approved_payment_authorizes_the_device_and_shows_the_receipt_with_a_way_on_to_the_page_it_wanted()
    {
        var stage = await fixture.StageAsync(azurite);
        var phone = await stage.NewGuestAsync();
        await stage.OpenAsync(phone);
        await stage.BuyAsync(stage.Shop.HoraId, "mercado_pago");
        await stage.PayAsync("approve");
        await stage.StateAsync("receipt");
        var title = await stage.TextAsync("purchase-title");
        var receipt = await stage.TextAsync("receipt");
        var onward = await stage.AttributeAsync("#continue", "href");
        await stage.ScreenshotAsync("unifi-approved-receipt");

        Assert.Equal("¡Pago recibido!", title);
        Assert.Contains(UnifiPortalStage.Venue, receipt, StringComparison.Ordinal);
        Assert.Contains("$15.00 MXN", receipt, StringComparison.Ordinal);
        Assert.Contains("Mercado Pago", receipt, StringComparison.Ordinal);
        // Paid now, in the company's time zone (America/Mexico_City unless it chose another), as its sales days are counted.
        Assert.Contains(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), receipt, StringComparison.Ordinal);
        Assert.Contains("(America/Mexico_City)", receipt, StringComparison.Ordinal);
        Assert.Equal(Hotspot.Tests.Unifi.UnifiShop.Original, onward);
        Assert.True(stage.Shop.IsAuthorized(phone));
    }

    [ChromiumFact]
    public async Task A_rejected_payment_brings_the_guest_back_to_the_plans_with_the_reason()
    {
        var stage = await fixture.StageAsync(azurite);
        var phone = await stage.NewGuestAsync();
        await stage.OpenAsync(phone);
        await stage.BuyAsync(stage.Shop.HoraId, "stripe");
        var checkout = await stage.CheckoutIdAsync();
        await stage.PayAsync("pending");
        await stage.StateAsync("cash-pending");
        await stage.Shop.SettleAsync(checkout, paid: false);
        await stage.ClickAsync("#purchase-check");
        await stage.StateAsync("catalog");
        var reason = await stage.TextAsync("message");
        await stage.ScreenshotAsync("unifi-rejected");

        Assert.Equal("El pago fue rechazado.", reason);
        Assert.False(stage.Shop.IsAuthorized(phone));
    }

    [ChromiumFact]
    public async Task Cancelling_at_the_provider_brings_the_guest_back_to_the_plans_and_reopening_the_page_shows_them_again()
    {
        var stage = await fixture.StageAsync(azurite);
        var phone = await stage.NewGuestAsync();
        await stage.OpenAsync(phone);
        await stage.BuyAsync(stage.Shop.HoraId, "stripe");
        await stage.PayAsync("cancel");
        await stage.StateAsync("catalog");
        var reason = await stage.TextAsync("message");
        await stage.ScreenshotAsync("unifi-cancelled");

        await stage.OpenAsync(phone);
        var reopened = await stage.StateAsync("catalog", "pending");
        var message = await stage.TextAsync("message");

        Assert.Equal("El pago fue cancelado.", reason);
        Assert.Equal("catalog", reopened);
        Assert.Null(message);
    }

    [ChromiumFact]
    public async Task Cash_pending_says_the_page_may_be_closed_and_the_guest_who_comes_back_after_paying_finds_the_receipt()
    {
        var stage = await fixture.StageAsync(azurite);
        var phone = await stage.NewGuestAsync();
        await stage.OpenAsync(phone);
        await stage.BuyAsync(stage.Shop.HoraId, "stripe");
        var checkout = await stage.CheckoutIdAsync();
        await stage.PayAsync("pending");
        await stage.StateAsync("cash-pending");
        var title = await stage.TextAsync("purchase-title");
        var advice = await stage.TextAsync("purchase-text");
        var abandon = await stage.TextAsync("purchase-abandon");
        await stage.ScreenshotAsync("unifi-cash-pending");

        // The guest closes the page; the cash is paid later; the guest comes back and the page's cookie finds the purchase.
        await stage.Browser.NavigateAsync(new Uri("about:blank"));
        await stage.Shop.SettleAsync(checkout, paid: true);
        await stage.OpenAsync(phone);
        var back = await stage.StateAsync("receipt", "activating", "cash-pending", "catalog");
        if (back == "activating")
        {
            back = await stage.StateAsync("receipt");
        }

        await stage.ScreenshotAsync("unifi-cash-paid-receipt");

        Assert.Equal("Pago pendiente", title);
        Assert.Equal("Pago pendiente: se confirmará en cuanto el proveedor lo acredite. Puedes cerrar esta página; vuelve aquí cuando esté pagado. Este dispositivo recuerda tu compra.", advice);
        Assert.Equal("Abandonar esta compra", abandon);
        Assert.Equal("receipt", back);
        Assert.True(stage.Shop.IsAuthorized(phone));
    }

    [ChromiumFact]
    public async Task An_expired_checkout_shows_its_screen_and_starting_a_new_purchase_opens_the_plans()
    {
        var stage = await fixture.StageAsync(azurite);
        var phone = await stage.NewGuestAsync();
        await stage.OpenAsync(phone);
        await stage.BuyAsync(stage.Shop.HoraId, "stripe");

        // The guest leaves the provider's page without paying, and comes back: the purchase waits, and can be abandoned.
        await stage.OpenAsync(phone);
        await stage.StateAsync("pending");
        var waiting = await stage.TextAsync("purchase-abandon");
        await stage.ScreenshotAsync("unifi-pending-abandon");
        await stage.Shop.AdvanceProviderClockAsync(TimeSpan.FromHours(2));
        await stage.ClickAsync("#purchase-check");
        await stage.StateAsync("purchase-expired");
        var title = await stage.TextAsync("purchase-title");
        var text = await stage.TextAsync("purchase-text");
        var action = await stage.TextAsync("purchase-back");
        await stage.ScreenshotAsync("unifi-expired");
        await stage.ClickAsync("#purchase-back");
        var next = await stage.StateAsync("catalog", "purchase-expired", "pending");

        Assert.Equal("Abandonar esta compra", waiting);
        Assert.Equal("Se terminó el tiempo para pagar", title);
        Assert.Equal("El tiempo para pagar terminó; inicia una compra nueva.", text);
        Assert.Equal("Iniciar una compra nueva", action);
        Assert.Equal("catalog", next);
    }

    [ChromiumFact]
    public async Task A_guest_back_from_the_provider_without_paying_can_abandon_the_purchase_and_is_back_at_the_plans()
    {
        var stage = await fixture.StageAsync(azurite);
        var phone = await stage.NewGuestAsync();
        await stage.OpenAsync(phone);
        await stage.BuyAsync(stage.Shop.HoraId, "stripe");
        await stage.OpenAsync(phone);
        await stage.StateAsync("pending");
        await stage.ClickAsync("#purchase-abandon");
        var state = await stage.StateAsync("catalog", "pending");
        var reason = await stage.TextAsync("message");
        await stage.ScreenshotAsync("unifi-abandoned");
        await stage.OpenAsync(phone);
        var reopened = await stage.StateAsync("catalog", "pending");
        var purchases = await stage.Shop.PurchasesAsync();

        Assert.Equal("catalog", state);
        Assert.Equal("El pago fue cancelado.", reason);
        Assert.Equal("catalog", reopened);
        Assert.Contains(purchases, p => p.GetProperty("estado").GetString() == "cancelada");
    }

    [ChromiumFact]
    public async Task A_paid_purchase_the_controller_refuses_shows_the_receipt_and_whom_to_ask()
    {
        var stage = await fixture.StageAsync(azurite);
        var phone = await stage.NewGuestAsync();
        await stage.OpenAsync(phone);
        await stage.BuyAsync(stage.Shop.UltraId, "stripe");
        await stage.PayAsync("approve");
        await stage.StateAsync("purchase-attention");
        var title = await stage.TextAsync("purchase-title");
        var who = await stage.TextAsync("purchase-contact");
        var contact = await stage.TextAsync("contact");
        var receipt = await stage.TextAsync("receipt");
        await stage.ScreenshotAsync("unifi-requires-attention");
        await stage.ClickAsync("#purchase-back");
        var next = await stage.StateAsync("catalog", "purchase-attention");

        Assert.Equal("Tu pago llegó, falta activar tu acceso", title);
        Assert.Equal($"Pide ayuda al encargado de {UnifiPortalStage.Venue} y muéstrale el folio de este recibo.", who);
        Assert.Contains(UnifiPortalStage.Phone, contact, StringComparison.Ordinal);
        Assert.Contains("$50.00 MXN", receipt, StringComparison.Ordinal);
        Assert.Equal("catalog", next);
    }

    [ChromiumFact]
    public async Task A_browser_that_asks_for_English_buys_in_English()
    {
        var stage = await fixture.StageAsync(azurite);
        var phone = await stage.NewGuestAsync("en-US,en;q=0.9");
        await stage.OpenAsync(phone);
        await stage.StateAsync("catalog");
        var plans = await stage.TextAsync("catalog");
        await stage.ScreenshotAsync("unifi-english-catalog");
        await stage.BuyAsync(stage.Shop.HoraId, "stripe");
        await stage.PayAsync("approve");
        await stage.StateAsync("receipt");
        var title = await stage.TextAsync("purchase-title");
        var receipt = await stage.TextAsync("receipt");
        await stage.ScreenshotAsync("unifi-english-receipt");

        Assert.Contains("Buy internet time", plans, StringComparison.Ordinal);
        Assert.Contains("Pay with Stripe", plans, StringComparison.Ordinal);
        Assert.Equal("Payment received!", title);
        Assert.Contains("Paid with", receipt, StringComparison.Ordinal);
        Assert.True(stage.Shop.IsAuthorized(phone));
    }
}
