using System.Text.Json;
using Hotspot.Tests.Branding;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Browser.MikrotikPortal;

/// <summary>
/// A venue's brand on the MikroTik portal, in headless Chromium at 360×740: its name instead of a generic welcome, its
/// logo from our own origin, its two colours, contact and terms, prices with their currency, providers by name, and a
/// receipt that says whose WiFi this is; in Spanish, in English where the browser asks, and in the brand's language where it asks for neither.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrandedPortalInChromiumTests(AzuriteFixture azurite, PortalStageFixture fixture) : IClassFixture<PortalStageFixture>
{
    private const string Terms = "Uso razonable: nada de descargas masivas.\nLa red se apaga a las 23:00.";

    [ChromiumFact]
    public async Task A_branded_venue_shows_its_name_logo_colours_contact_and_terms_and_the_receipt_names_the_business()
    {
        var (stage, logoUrl) = await BrandedAsync(idioma: "es", browserLanguage: "es-MX", configIdioma: "es");
        stage.Device(PortalStage.RandomMac(), "10.5.50.61");
        await stage.BrowseAsync();
        await stage.StateAsync("catalog");
        var logoWidth = await LogoLoadedAsync(stage);
        var seen = await VenueAsync(stage);
        await stage.ScreenshotAsync("brand-catalog");
        await stage.Browser.EvaluateAsync("document.getElementById('brand-venue').scrollIntoView()");
        await stage.ScreenshotAsync("brand-terms");
        await stage.Browser.EvaluateAsync("window.scrollTo(0, 0)");

        await BuyAndApproveAsync(stage);
        var title = await stage.TextAsync("purchase-title");
        var receipt = await ReceiptAsync(stage);
        var venueLine = await stage.TextAsync("receipt-venue");
        await stage.ScreenshotAsync("brand-receipt");

        Assert.Equal("Café Luna", seen.Name);
        Assert.StartsWith("Café Luna", seen.Title, StringComparison.Ordinal);
        Assert.Equal(logoUrl, seen.LogoSrc);
        Assert.Equal(48, logoWidth);
        Assert.Equal("rgb(192, 57, 43)", seen.ButtonBackground);
        Assert.Equal("rgb(255, 255, 255)", seen.ButtonText);
        Assert.Equal("rgb(26, 43, 60)", seen.BandBackground);
        Assert.Equal("rgb(255, 255, 255)", seen.BandText);
        Assert.Equal("tel:+525512345678|https://wa.me/5215512345678|mailto:hola@cafeluna.mx", seen.ContactLinks);
        Assert.Equal(Terms, seen.Terms);
        Assert.Equal("Términos de uso", seen.TermsHeading);
        Assert.Equal("$15.00 MXN", seen.Price);
        Assert.Equal("Stripe", seen.Provider);
        Assert.Equal("¡Pago recibido!", title);
        Assert.Contains("Negocio=Café Luna", receipt);
        Assert.Contains("Pagado con=Stripe", receipt);
        Assert.Contains("Total=$15.00 MXN", receipt);
        Assert.Equal("Contacto: +52 55 1234 5678 · WhatsApp +52 1 55 1234 5678 · hola@cafeluna.mx", venueLine);
    }

    [ChromiumFact]
    public async Task A_browser_that_asks_for_English_gets_the_branded_portal_and_receipt_in_English()
    {
        var (stage, _) = await BrandedAsync(idioma: "es", browserLanguage: "en-US", configIdioma: null);
        stage.Device(PortalStage.RandomMac(), "10.5.50.62");
        await stage.BrowseAsync();
        await stage.StateAsync("catalog");
        var lang = await stage.Browser.EvaluateAsync("document.documentElement.lang");
        var heading = await stage.Browser.EvaluateAsync("document.querySelector('#catalog h2').innerText");
        var buy = await stage.Browser.EvaluateAsync("document.querySelector('#products .buy').innerText");
        var seen = await VenueAsync(stage);
        await stage.ScreenshotAsync("brand-english-catalog");

        await BuyAndApproveAsync(stage);
        var title = await stage.TextAsync("purchase-title");
        var receipt = await ReceiptAsync(stage);
        var venueLine = await stage.TextAsync("receipt-venue");
        await stage.ScreenshotAsync("brand-english-receipt");

        Assert.Equal("en", lang);
        Assert.Equal("Buy internet time", heading);
        Assert.Equal("Buy", buy);
        Assert.Equal("Café Luna", seen.Name);
        Assert.Equal("Terms of use", seen.TermsHeading);
        Assert.Equal("$15.00 MXN", seen.Price);
        Assert.Equal("Payment received!", title);
        Assert.Contains("Business=Café Luna", receipt);
        Assert.Contains("Paid with=Stripe", receipt);
        Assert.Contains("Total=$15.00 MXN", receipt);
        Assert.Equal("Contact: +52 55 1234 5678 · WhatsApp +52 1 55 1234 5678 · hola@cafeluna.mx", venueLine);
    }

    [ChromiumFact]
    public async Task A_browser_that_asks_for_neither_language_gets_the_brands_default()
    {
        var (stage, _) = await BrandedAsync(idioma: "en", browserLanguage: "fr-FR", configIdioma: null);
        stage.Device(PortalStage.RandomMac(), "10.5.50.63");
        await stage.BrowseAsync();
        await stage.StateAsync("catalog");
        var lang = await stage.Browser.EvaluateAsync("document.documentElement.lang");
        var heading = await stage.Browser.EvaluateAsync("document.querySelector('#catalog h2').innerText");

        Assert.Equal("en", lang);
        Assert.Equal("Buy internet time", heading);
    }

    /// <summary>The operator sets the brand and the logo, then downloads config.js again; a new phone in the given language.</summary>
    private async Task<(PortalStage Stage, string LogoUrl)> BrandedAsync(string idioma, string browserLanguage, string? configIdioma)
    {
        var stage = await fixture.StageAsync(azurite);
        await stage.SetBrandAsync(new
        {
            nombre_comercial = "Café Luna", color_primario = "#C0392B", color_secundario = "#1a2b3c",
            telefono = "+52 55 1234 5678", whatsapp = "+52 1 55 1234 5678", email = "hola@cafeluna.mx", terminos = Terms, idioma,
        });
        var logoUrl = await stage.SetLogoAsync(TestImages.Png(48, 48, (0xc0, 0x39, 0x2b), (0xff, 0xff, 0xff)), "image/png");
        await stage.WriteConfigAsync(idioma: configIdioma);
        await stage.ForgetEverythingAsync();
        await stage.BrowserLanguageAsync(browserLanguage);
        return (stage, logoUrl);
    }

    private static async Task BuyAndApproveAsync(PortalStage stage)
    {
        await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.querySelector('#products .buy').click()"));
        await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.querySelector('button[value=approve]').click()"));
        await stage.StateAsync("receipt");
    }

    private sealed record Venue(string? Name, string? Title, string? LogoSrc, string? ButtonBackground, string? ButtonText, string? BandBackground, string? BandText,
        string? ContactLinks, string? Terms, string? TermsHeading, string? Price, string? Provider);

    private static async Task<Venue> VenueAsync(PortalStage stage)
    {
        var json = await stage.Browser.EvaluateAsync("""
            JSON.stringify((() => {
              const style = e => getComputedStyle(e);
              const button = document.querySelector('#products .buy'), band = document.querySelector('header.brand');
              return {
                name: document.getElementById('brand-name').innerText, title: document.title,
                logo: document.getElementById('brand-logo').src,
                buttonBackground: style(button).backgroundColor, buttonText: style(button).color,
                bandBackground: style(band).backgroundColor, bandText: style(band).color,
                links: [...document.querySelectorAll('#brand-contact a:not([hidden])')].map(a => a.href).join('|'),
                terms: document.getElementById('brand-terms-text').innerText,
                termsHeading: document.querySelector('#brand-terms h2').innerText,
                price: document.querySelector('#products .price').innerText,
                provider: document.querySelector('#provider option').textContent,
              };
            })())
            """);
        var v = JsonDocument.Parse(json!).RootElement;
        string? S(string name) => v.GetProperty(name).GetString();
        return new Venue(S("name"), S("title"), S("logo"), S("buttonBackground"), S("buttonText"), S("bandBackground"), S("bandText"), S("links"), S("terms"), S("termsHeading"), S("price"), S("provider"));
    }

    /// <summary>The receipt's rows as "label=value".</summary>
    private static async Task<string[]> ReceiptAsync(PortalStage stage) =>
        (await stage.Browser.EvaluateAsync("[...document.querySelectorAll('#receipt dt')].map(dt => dt.innerText + '=' + dt.nextElementSibling.innerText).join('|')"))!.Split('|');

    /// <summary>The logo's natural width once the browser has it (-1 when it failed to load).</summary>
    private static async Task<int> LogoLoadedAsync(PortalStage stage)
    {
        const string Expression = """
            new Promise(resolve => {
              const image = document.getElementById('brand-logo');
              if (image.complete && image.src) { resolve(image.naturalWidth || -1); return; }
              image.addEventListener('load', () => resolve(image.naturalWidth));
              image.addEventListener('error', () => resolve(-1));
            })
            """;
        var result = await stage.Browser.SendAsync("Runtime.evaluate", new { expression = Expression, awaitPromise = true, returnByValue = true });
        return result.GetProperty("result").GetProperty("value").GetInt32();
    }
}
