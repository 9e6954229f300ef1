using System.Net;
using Hotspot.Sales.Payments;

namespace Hotspot.Tests.Payments;

/// <summary>The hosted checkout page over HTTP, as a buyer's browser meets it (a real-browser test comes with the portal).</summary>
public sealed class HostedCheckoutPageTests : IAsyncLifetime
{
    private PaymentTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await PaymentTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Theory]
    [InlineData(PaymentProviderKind.MercadoPago)]
    [InlineData(PaymentProviderKind.Stripe)]
    public async Task The_page_shows_the_product_amount_and_four_buttons_with_the_title_html_encoded(PaymentProviderKind kind)
    {
        var provider = _bed.Providers.Provider(kind);
        var request = PaymentTestBed.StripeCheckout(PaymentTestBed.NewPurchaseId()) with { Title = "1 hora <script>alert(1)</script>" };
        var checkout = await provider.CreateCheckoutAsync(await _bed.AccountAsync(kind), request, default);

        using var page = await _bed.Browser.GetAsync(checkout.PaymentUrl);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("15.00 MXN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        foreach (var action in new[] { "approve", "reject", "pending", "cancel" })
        {
            Assert.Contains($"name=\"action\" value=\"{action}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_completed_Stripe_session_takes_no_second_payment_and_shows_no_buttons()
    {
        var provider = _bed.Providers.Provider(PaymentProviderKind.Stripe);
        var checkout = await provider.CreateCheckoutAsync(await _bed.AccountAsync(PaymentProviderKind.Stripe), PaymentTestBed.StripeCheckout(PaymentTestBed.NewPurchaseId()), default);
        using var _ = await _bed.PressAsync(checkout.PaymentUrl, "approve");

        using var again = await _bed.Browser.PostAsync(checkout.PaymentUrl, new FormUrlEncodedContent([KeyValuePair.Create("action", "approve")]));
        var page = await _bed.Browser.GetStringAsync(checkout.PaymentUrl);
        var state = await _bed.GetControlAsync("/state");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.DoesNotContain("<button", page, StringComparison.Ordinal);
        Assert.Single(state.GetProperty("payments").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_checkout_or_an_unknown_button_is_refused()
    {
        var provider = _bed.Providers.Provider(PaymentProviderKind.MercadoPago);
        var checkout = await provider.CreateCheckoutAsync(await _bed.AccountAsync(PaymentProviderKind.MercadoPago), PaymentTestBed.Checkout(PaymentTestBed.NewPurchaseId()), default);

        using var unknown = await _bed.Browser.GetAsync(new Uri(_bed.Simulator.ApiBaseUrl, "/checkout/nope"));
        using var badButton = await _bed.Browser.PostAsync(checkout.PaymentUrl, new FormUrlEncodedContent([KeyValuePair.Create("action", "steal")]));
        var state = await _bed.GetControlAsync("/state");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badButton.StatusCode);
        Assert.Empty(state.GetProperty("payments").EnumerateArray());
    }

    [Fact]
    public async Task The_control_port_presses_the_same_buttons_without_a_browser()
    {
        var provider = _bed.Providers.Provider(PaymentProviderKind.MercadoPago);
        var purchase = PaymentTestBed.NewPurchaseId();
        var checkout = await provider.CreateCheckoutAsync(await _bed.AccountAsync(PaymentProviderKind.MercadoPago), PaymentTestBed.Checkout(purchase), default);

        var paid = await _bed.ControlAsync($"/checkouts/{checkout.ProviderReference}/pay", new { outcome = "approve" });
        var truth = await provider.LookupAsync(await _bed.AccountAsync(PaymentProviderKind.MercadoPago), purchase, null, default);

        Assert.Contains("collection_status=approved", paid.GetProperty("redirect").GetString(), StringComparison.Ordinal);
        Assert.Equal(PaymentState.Approved, truth.State);
    }
}
