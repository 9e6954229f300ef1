using Hotspot.Simulators.Unifi;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Unifi;
using Hotspot.Drivers;

namespace Hotspot.Tests.Browser;

/// <summary>
/// The UniFi guest portal tried as a guest would, in a real headless Chromium on a phone-sized screen: open the
/// redirect URL, accept, land on the original URL; a failure shows its message. Keeps a screenshot of the page.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnifiPortalInChromiumTests(AzuriteFixture azurite)
{
    private const string ControllerKey = "browser-key-77aa";

    [ChromiumFact]
    public async Task A_guest_accepts_on_a_phone_and_lands_on_the_page_it_wanted_and_a_stranger_is_told_why_not()
    {
        await using var simulator = await UnifiSimulator.StartAsync(new UnifiSimulatorOptions { ApiKey = ControllerKey }, default);
        await using var host = await AdminSession.StartAsync(azurite);
        var routerId = await AdminSession.CreateUnifiRouterAsync(host, simulator, ControllerKey);
        var guest = MacAddress.Parse("42:8a:f7:3c:50:b0");
        simulator.State.Join(guest, "default");
        var original = new Uri(host.Client.BaseAddress!, "/api/health");
        Uri Redirect(MacAddress mac) => new(host.Client.BaseAddress!,
            $"/guest/s/default/?ap=94:2a:6f:d0:30:57&id={mac}&t=1742398732&url={Uri.EscapeDataString(original.AbsoluteUri)}&ssid=dph-guest&router={routerId}");

        await using var browser = await HeadlessChromium.StartAsync();
        await browser.SendAsync("Page.enable");
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 390, height = 844, deviceScaleFactor = 2, mobile = true });

        await browser.NavigateAsync(Redirect(guest));
        var offer = await browser.EvaluateAsync("document.body.innerText");
        await SaveScreenshotAsync(browser, "unifi-portal-phone.png");
        await browser.UntilLoadedAsync(() => browser.EvaluateAsync("document.getElementById('accept').click()"));
        var landed = await browser.EvaluateAsync("location.href");

        await browser.NavigateAsync(Redirect(MacAddress.Parse("42:8a:f7:3c:50:b1")));
        await browser.UntilLoadedAsync(() => browser.EvaluateAsync("document.getElementById('accept').click()"));
        var refusal = await browser.EvaluateAsync("document.getElementById('message').innerText");

        Assert.Contains("dph-guest", offer, StringComparison.Ordinal);
        Assert.Contains("60", offer, StringComparison.Ordinal);
        Assert.Equal(original.AbsoluteUri, landed);
        Assert.Contains("does not appear connected", refusal, StringComparison.Ordinal);
    }

    private static async Task SaveScreenshotAsync(HeadlessChromium browser, string name)
    {
        var shot = await browser.SendAsync("Page.captureScreenshot", new { format = "png" });
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, name), Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }
}
