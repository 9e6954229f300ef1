using System.Net;
using System.Text.RegularExpressions;
using Hotspot.Drivers;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Unifi;

/// <summary>
/// Buying on the UniFi guest page over plain HTTP, as a browser without JavaScript does: the forms, the redirects, the
/// page's purchase cookie. The browser is an HttpClient that does not follow redirects and keeps no cookies of its own.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class UnifiGuestBuyingTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private UnifiShop _shop = null!;
    private HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        _shop = await UnifiShop.StartAsync(azurite);
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _shop.BaseAddress };
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    public void Dispose() => _browser.Dispose();

    [Fact]
    public async Task The_catalog_shows_prices_with_their_currency_and_providers_by_name_and_a_double_submit_buys_once()
    {
        var phone = MacAddress.Parse("1c:71:25:63:e4:31");
        _shop.Join(phone);
        var page = await GetAsync(_shop.PagePath(phone));
        var key = KeyOf(page);

        using var first = await BuyAsync(phone, key, "mercado_pago");
        using var second = await BuyAsync(phone, key, "mercado_pago");
        var purchases = await _shop.PurchasesAsync();

        Assert.Contains("$15.00 MXN", page, StringComparison.Ordinal);
        Assert.Contains("Pagar con Mercado Pago", page, StringComparison.Ordinal);
        Assert.Contains("Pagar con Stripe", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.StartsWith(_shop.Payments.ApiBaseUrl.GetLeftPart(UriPartial.Authority), first.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Single(purchases);
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"hs_compra_r{_shop.RouterId}=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_purchase_is_found_again_by_its_own_ticket_and_never_by_the_device_alone()
    {
        var phone = MacAddress.Parse("1c:71:25:63:e4:32");
        _shop.Join(phone);
        using var bought = await BuyAsync(phone, KeyOf(await GetAsync(_shop.PagePath(phone))), "stripe");
        var cookie = bought.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hs_compra_r", StringComparison.Ordinal)).Split(';')[0];
        var ticket = Uri.UnescapeDataString(cookie[(cookie.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var forged = ticket[..(ticket.IndexOf('.', StringComparison.Ordinal) + 1)] + "tq_forged";

        var byMac = await GetAsync(_shop.PagePath(phone));
        var byForgedToken = await GetAsync(_shop.PagePath(phone) + "&var=" + Uri.EscapeDataString(forged));
        var byCookie = await GetAsync(_shop.PagePath(phone), cookie);
        var byReturnUrl = await GetAsync(_shop.PagePath(phone) + "&var=" + Uri.EscapeDataString(ticket));

        Assert.Equal("catalog", StateOf(byMac));
        Assert.Equal("catalog", StateOf(byForgedToken));
        Assert.Contains("No encontramos tu compra", byForgedToken, StringComparison.Ordinal);
        Assert.Equal("pending", StateOf(byCookie));
        Assert.Equal("pending", StateOf(byReturnUrl));
        Assert.Contains("Abandonar esta compra", byCookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_venue_name_contact_and_terms_render_as_text()
    {
        const string hostile = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>; /ip hotspot user add name=x $(x) `x`";
        await _shop.SetBrandAsync(new
        {
            nombre_comercial = hostile, color_primario = "#aa3300", telefono = "+52 55 1234 5678", email = "hola@cafe.mx",
            terminos = "Uso justo.</div><script>alert(3)</script>",
        });
        var phone = MacAddress.Parse("1c:71:25:63:e4:33");
        _shop.Join(phone);

        var page = await GetAsync(_shop.PagePath(phone));

        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("Uso justo.&lt;/div&gt;", page, StringComparison.Ordinal);
        Assert.Contains("--primary:#aa3300", page, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:525512345678\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_venues_logo_is_shown_from_our_own_origin()
    {
        var png = Hotspot.Tests.Branding.TestImages.Png(40, 40, (0x1a, 0x2b, 0x3c), (0xff, 0xcc, 0x00));
        await _shop.SetLogoAsync(png);
        var phone = MacAddress.Parse("1c:71:25:63:e4:35");
        _shop.Join(phone);

        var page = await GetAsync(_shop.PagePath(phone));
        var src = System.Text.RegularExpressions.Regex.Match(page, "<img[^>]* src=\"(/api/v1/marcas/[^\"]+)\"").Groups[1].Value;
        using var logo = await _browser.GetAsync(src);

        Assert.StartsWith($"/api/v1/marcas/{_shop.EmpresaId}/logos/", src, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal(png, await logo.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Behind_a_public_address_the_purchase_returns_to_the_guest_page_there_whatever_the_routers_login_hosts()
    {
        var publicAddress = new Uri("https://wifi-api.example.net/");
        await using var shop = await UnifiShop.StartAsync(azurite, publicAddress);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = shop.BaseAddress };
        var phone = MacAddress.Parse("1c:71:25:63:e4:34");
        shop.Join(phone);
        var page = await browser.GetStringAsync(shop.PagePath(phone));
        using var bought = await browser.PostAsync(shop.PagePath(phone), new FormUrlEncodedContent(
            [new("mode", "buy"), new("producto", shop.HoraId), new("key", KeyOf(page)), new("proveedor", "stripe")]));
        var back = await shop.PayAsync(bought.Headers.Location!.Segments[^1], "approve");

        // The provider's redirect names the public address; this test reaches the same route on the host it runs.
        using var returned = await browser.GetAsync(back.PathAndQuery);
        var landing = returned.Headers.Location!;

        Assert.Equal(HttpStatusCode.Redirect, bought.StatusCode);
        Assert.Equal(publicAddress.Authority, back.Authority);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(publicAddress.Authority, landing.Authority);
        Assert.Equal("/guest/s/default/", landing.AbsolutePath);
        Assert.Contains($"router={shop.RouterId}", landing.Query, StringComparison.Ordinal);
        Assert.Contains($"id={Uri.EscapeDataString(phone.ToString())}", landing.Query, StringComparison.Ordinal);
        Assert.Contains("&var=", landing.Query, StringComparison.Ordinal);
    }

    private async Task<string> GetAsync(string path, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd("es-MX");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await _browser.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<HttpResponseMessage> BuyAsync(MacAddress phone, string key, string provider) =>
        _browser.PostAsync(_shop.PagePath(phone), new FormUrlEncodedContent(
            [new("mode", "buy"), new("producto", _shop.HoraId), new("key", key), new("proveedor", provider)]));

    private static string KeyOf(string page) => KeyField().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No purchase form on the page.");

    private static string StateOf(string page) => StateAttribute().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"key\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex KeyField();

    [GeneratedRegex("<body data-state=\"([a-z-]+)\"")]
    private static partial Regex StateAttribute();
}
