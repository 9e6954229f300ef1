using System.Net;
using Hotspot.Drivers;
using Hotspot.Simulators.Unifi;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Unifi;

namespace Hotspot.Tests.Hardening;

/// <summary>
/// The UniFi guest page cannot be shown inside another site's frame, and an operator can limit where a guest is sent
/// after it (<c>Hotspot:Portal:RedirectHosts</c>).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GuestPageHardeningTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private const string ControllerKey = "page-key-9a1b";
    private static readonly MacAddress Phone = MacAddress.Parse("1c:71:25:63:e4:24");
    private UnifiSimulator _simulator = null!;
    private RunningDevHost _host = null!;
    private HttpClient _browser = null!;
    private string _routerId = "";

    public async Task InitializeAsync()
    {
        _simulator = await UnifiSimulator.StartAsync(new UnifiSimulatorOptions { ApiKey = ControllerKey }, default);
        _host = await AdminSession.StartAsync(azurite, new Dictionary<string, string?> { ["Hotspot:Portal:RedirectHosts"] = "hotel.example, *.cdn-apple.com" });
        _routerId = await AdminSession.CreateUnifiRouterAsync(_host, _simulator, ControllerKey);
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.Client.BaseAddress };
    }

    public void Dispose() => _browser.Dispose();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task The_page_forbids_framing()
    {
        using var page = await _browser.GetAsync(new Uri(PagePath("http%3A%2F%2Fhotel.example%2F"), UriKind.Relative));
        using var posted = await _browser.PostAsync(new Uri(PagePath("http%3A%2F%2Fhotel.example%2F"), UriKind.Relative), new FormUrlEncodedContent([]));

        foreach (var response in new[] { page, posted })
        {
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("http%3A%2F%2Fhotel.example%2Fwelcome", "http://hotel.example/welcome")]
    [InlineData("https%3A%2F%2Fnetcts.cdn-apple.com%2F", "https://netcts.cdn-apple.com/")]
    [InlineData("https%3A%2F%2Fevil.example%2F", null)]
    [InlineData("https%3A%2F%2Fhotel.example.evil.test%2F", null)]
    public async Task A_guest_is_sent_on_only_to_a_listed_host(string url, string? expected)
    {
        _simulator.State.Join(Phone, "default");

        using var response = await _browser.PostAsync(new Uri(PagePath(url), UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(expected is null ? HttpStatusCode.OK : HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.AbsoluteUri);
    }

    private string PagePath(string url) =>
        $"/guest/s/default/?ap=94:2a:6f:d0:30:57&id={Phone}&t=1742398732&url={url}&ssid=dph-guest&router={_routerId}";
}
