using System.Net;
using Hotspot.Drivers;
using Hotspot.Simulators.Unifi;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Unifi;

/// <summary>
/// The guest portal page <c>/guest/s/{site}/</c> on the DevHost, reached with UniFi's redirect query, driving the UniFi
/// simulator over HTTPS, at its local base URL and through the Site Manager connector. A guest's browser is played by an
/// HttpClient that does not follow redirects.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnifiGuestPortalTests(AzuriteFixture azurite) : UnifiGuestPortalContract(azurite);

[Collection(AzuriteCollection.Name)]
public sealed class UnifiGuestPortalThroughSiteManagerTests(AzuriteFixture azurite) : UnifiGuestPortalContract(azurite)
{
    private const string SiteManagerKey = "page-site-manager-key-71aa";

    protected override UnifiSimulatorOptions SimulatorOptions => base.SimulatorOptions with { SiteManagerApiKey = SiteManagerKey };

    protected override IReadOnlyDictionary<string, string?>? HostSettings(UnifiSimulator simulator) => AdminSession.SiteManagerSettings(simulator);

    protected override object RouterBody(UnifiSimulator simulator) => AdminSession.SiteManagerRouter(SiteManagerKey);
}

public abstract class UnifiGuestPortalContract(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private const string ControllerKey = "page-key-4c5d";
    private static readonly MacAddress Phone = MacAddress.Parse("1c:71:25:63:e4:24");
    private UnifiSimulator _simulator = null!;
    private RunningDevHost _host = null!;
    private HttpClient _browser = null!;
    private string _routerId = "";

    protected virtual UnifiSimulatorOptions SimulatorOptions => new() { ApiKey = ControllerKey };

    protected virtual IReadOnlyDictionary<string, string?>? HostSettings(UnifiSimulator simulator) => null;

    protected virtual object RouterBody(UnifiSimulator simulator) => AdminSession.UnifiRouter(simulator, ControllerKey);

    public async Task InitializeAsync()
    {
        _simulator = await UnifiSimulator.StartAsync(SimulatorOptions, default);
        _host = await AdminSession.StartAsync(azurite, HostSettings(_simulator));
        _routerId = await AdminSession.CreateRouterAsync(_host, RouterBody(_simulator));
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.Client.BaseAddress };
    }

    public void Dispose()
    {
        _browser.Dispose();
        GC.SuppressFinalize(this);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    private string RedirectPath(string id = "1c:71:25:63:e4:24", string url = "http%3A%2F%2Fnetcts.cdn-apple.com%2F") =>
        $"/guest/s/default/?ap=94:2a:6f:d0:30:57&id={id}&t=1742398732&url={url}&ssid=dph-guest&router={_routerId}";

    [Fact]
    public async Task The_page_offers_free_access_in_the_guests_language()
    {
        var spanish = await GetPageAsync(RedirectPath(), "es-MX,es;q=0.9");
        var english = await GetPageAsync(RedirectPath(), "en-US,en;q=0.9,es;q=0.5");

        Assert.Contains("Bienvenido a dph-guest", spanish, StringComparison.Ordinal);
        Assert.Contains("durante 60 minutos", spanish, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\">", spanish, StringComparison.Ordinal);
        Assert.Contains("Accept and connect", english, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", spanish, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Accepting_authorizes_the_device_for_the_free_minutes_and_sends_the_guest_to_the_original_url()
    {
        _simulator.State.Join(Phone, "default");

        using var response = await AcceptAsync(RedirectPath());
        var client = Assert.Single(_simulator.State.Clients(_simulator.State.AddSite("default"), withAuthorization: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://netcts.cdn-apple.com/"), response.Headers.Location);
        Assert.True(client.Access.Authorized);
        Assert.Equal(TimeSpan.FromMinutes(60), client.Access.Authorization!.ExpiresAt - client.Access.Authorization.AuthorizedAt);
    }

    [Theory]
    [InlineData("javascript%3Aalert(1)")]
    [InlineData("ftp%3A%2F%2Fexample.com%2F")]
    [InlineData("")]
    public async Task A_url_that_is_not_http_or_https_is_never_followed(string url)
    {
        _simulator.State.Join(Phone, "default");

        using var response = await AcceptAsync(RedirectPath(url: url));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("Ya tienes acceso a internet.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_that_is_not_connected_is_told_so_in_words()
    {
        using var response = await AcceptAsync(RedirectPath());
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("no aparece conectado", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_or_malformed_MAC_and_an_unknown_router_get_a_clear_message()
    {
        var badMac = await GetPageAsync(RedirectPath(id: "1c:71:25"), "en");
        using var noRouter = await _browser.GetAsync(new Uri("/guest/s/default/?id=1c:71:25:63:e4:24&router=999999", UriKind.Relative));

        Assert.Contains("its MAC is missing or invalid", badMac, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noRouter.StatusCode);
        Assert.Contains("no está configurado", await noRouter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_router_is_also_found_from_the_host_name()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/guest/s/default/?id=1c:71:25:63:e4:24&ssid=lobby", UriKind.Relative));
        request.Headers.Host = $"r{_routerId}.portal.example.com";

        using var response = await _browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bienvenido a lobby", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> GetPageAsync(string path, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await _browser.SendAsync(request);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<HttpResponseMessage> AcceptAsync(string path) =>
        _browser.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([]));
}
