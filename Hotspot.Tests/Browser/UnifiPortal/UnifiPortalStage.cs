using System.Text.Json;
using Hotspot.Drivers;
using Hotspot.Tests.Deploy;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Unifi;

namespace Hotspot.Tests.Browser.UnifiPortal;

/// <summary>
/// The UniFi guest page as a guest meets it: a branded venue that sells (<see cref="UnifiShop"/>) and one headless
/// Chromium on a 360×740 phone with JavaScript turned off, as a captive browser may have it. Started once per test
/// class; each test uses its own device and starts with no cookies.
/// </summary>
internal sealed class UnifiPortalStage : IAsyncDisposable
{
    public const string Venue = "Café La Esquina";
    public const string Terms = "Red para clientes del café.\nUso justo: nada de descargas masivas.\nEl servicio puede interrumpirse sin aviso.";
    public const string Phone = "+52 55 1234 5678";

    private UnifiPortalStage(UnifiShop shop, HeadlessChromium browser)
    {
        Shop = shop;
        Browser = browser;
    }

    public UnifiShop Shop { get; }

    public HeadlessChromium Browser { get; }

    public static async Task<UnifiPortalStage> StartAsync(AzuriteFixture azurite)
    {
        var shop = await UnifiShop.StartAsync(azurite);
        await shop.SetBrandAsync(new
        {
            nombre_comercial = Venue, color_primario = "#8a3b12", color_secundario = "#2f4f3a", telefono = Phone, whatsapp = "+52 55 8765 4321",
            email = "hola@laesquina.mx", terminos = Terms,
        });
        var browser = await HeadlessChromium.StartAsync();
        await browser.SendAsync("Page.enable");
        await browser.SendAsync("Network.enable");
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 360, height = 740, deviceScaleFactor = 2, mobile = true });
        await browser.SendAsync("Emulation.setScriptExecutionDisabled", new { value = true });
        return new UnifiPortalStage(shop, browser);
    }

    /// <summary>A new phone joins the guest network; the browser forgets every cookie and asks for <paramref name="language"/>.</summary>
    public async Task<MacAddress> NewGuestAsync(string language = "es-MX,es;q=0.9")
    {
        await Browser.SendAsync("Network.clearBrowserCookies");
        await Browser.SendAsync("Network.setExtraHTTPHeaders", new { headers = new Dictionary<string, string> { ["Accept-Language"] = language } });
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(6);
        bytes[0] = (byte)((bytes[0] & 0xFC) | 0x02);
        var phone = MacAddress.Parse(Convert.ToHexString(bytes));
        Shop.Join(phone);
        return phone;
    }

    /// <summary>UniFi sends the captive phone to the page.</summary>
    public Task OpenAsync(MacAddress phone) => Browser.NavigateAsync(Shop.Page(phone));

    /// <summary>Clicks what the selector finds (a link or a form's button) and waits for the page it leads to.</summary>
    public Task ClickAsync(string selector) =>
        Browser.UntilLoadedAsync(() => Browser.EvaluateAsync($"document.querySelector({JsonSerializer.Serialize(selector)}).click()"));

    /// <summary>On the catalog, buys the product with the provider: the phone is on the provider's hosted checkout.</summary>
    public Task BuyAsync(string productoId, string proveedor) =>
        ClickAsync($"form:has(input[name=producto][value=\"{productoId}\"]) button[value={proveedor}]");

    /// <summary>On the hosted checkout, presses one of its buttons (approve, reject, pending, cancel) and lands back on the page.</summary>
    public Task PayAsync(string outcome) => ClickAsync($"button[value={outcome}]");

    /// <summary>The hosted checkout's id, while the browser is on it.</summary>
    public async Task<string> CheckoutIdAsync() => Uri.UnescapeDataString(new Uri((await Browser.EvaluateAsync("location.href"))!).Segments[^1]);

    /// <summary>Waits, page load by page load (the page refreshes itself while a payment settles), for one of <paramref name="states"/>.</summary>
    public async Task<string> StateAsync(params string[] states)
    {
        for (var loads = 0; loads < 12; loads++)
        {
            var loaded = Browser.NextEventAsync("Page.loadEventFired");
            try
            {
                if (await Browser.EvaluateAsync("document.readyState === 'complete' && document.body ? document.body.getAttribute('data-state') : ''") is { } state
                    && states.Contains(state))
                {
                    return state;
                }
            }
            catch (InvalidOperationException)
            {
                // The page was being replaced; the next load says what it shows.
            }

            await loaded;
        }

        throw new InvalidOperationException($"The page never showed {string.Join(" or ", states)}.");
    }

    /// <summary>The text of an element; null when it is missing.</summary>
    public Task<string?> TextAsync(string id) => Browser.EvaluateAsync($"(e => e ? e.innerText : undefined)(document.getElementById({JsonSerializer.Serialize(id)}))");

    public Task<string?> AttributeAsync(string selector, string attribute) =>
        Browser.EvaluateAsync($"(e => e ? e.getAttribute({JsonSerializer.Serialize(attribute)}) : undefined)(document.querySelector({JsonSerializer.Serialize(selector)}))");

    /// <summary>Keeps what the guest sees as TestResults/screenshots/<paramref name="name"/>.png at the repository root (docs/screenshots holds the README's copies).</summary>
    public async Task ScreenshotAsync(string name)
    {
        var shot = await Browser.SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = false });
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryFiles.Root, "TestResults", "screenshots")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Shop.DisposeAsync();
    }
}

/// <summary>One <see cref="UnifiPortalStage"/> for a test class, started by its first test.</summary>
public sealed class UnifiPortalStageFixture : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private Task<UnifiPortalStage>? _stage;

    internal Task<UnifiPortalStage> StageAsync(AzuriteFixture azurite)
    {
        lock (_gate)
        {
            return _stage ??= UnifiPortalStage.StartAsync(azurite);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_stage is not null)
        {
            await (await _stage).DisposeAsync();
        }
    }
}
