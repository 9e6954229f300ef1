using System.Net;
using Hotspot.DevHost.Demo;
using Hotspot.Drivers;
using Hotspot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Unifi;

/// <summary>The demo's UniFi router, as the README has a newcomer open its guest page: the URL the demo prints works as printed.</summary>
public sealed class UnifiDemoPageTests
{
    [Fact]
    public async Task The_printed_guest_page_of_the_demo_sells_the_hour_and_the_free_minutes_authorize_the_phone()
    {
        await using var host = await RunningDevHost.StartAsync(new Dictionary<string, string?> { ["Hotspot:DevHost:Demo:Enabled"] = "true", ["Hotspot:Auth:BcryptCost"] = "4" });
        var demo = await host.Services.GetRequiredService<DemoSeeder>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        var unifi = demo.Unifi!;
        var page = new Uri(unifi.GuestPageUrl(host.Client.BaseAddress!.AbsoluteUri));
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX");

        var shown = await browser.GetStringAsync(page);
        using var accepted = await browser.PostAsync(page, new FormUrlEncodedContent([new("mode", "accept")]));
        var phone = unifi.Simulator.State.Clients(unifi.Simulator.State.AddSite("default"), withAuthorization: true)
            .Single(c => MacAddress.Parse(c.MacAddress) == MacAddress.Parse(DemoUnifi.GuestMac));

        Assert.Contains("<body data-state=\"catalog\">", shown, StringComparison.Ordinal);
        Assert.Contains("Demo Café", shown, StringComparison.Ordinal);
        Assert.Contains("$15.00 MXN", shown, StringComparison.Ordinal);
        Assert.Contains("Pagar con Mercado Pago", shown, StringComparison.Ordinal);
        Assert.Contains("¿Tienes una ficha?", shown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("http://netcts.cdn-apple.com/", accepted.Headers.Location?.AbsoluteUri);
        Assert.True(phone.Access.Authorized);
    }
}
