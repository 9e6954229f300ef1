using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Drivers;
using Hotspot.Simulators.Unifi;
using Hotspot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Unifi;

/// <summary>
/// The custom-portal API (<c>/api/v1/unifi/...</c>, router API key) on the DevHost, driving the UniFi simulator over
/// HTTPS: at its local base URL with the router's pinned certificate, and through the Site Manager connector
/// (<see cref="UnifiPortalApiThroughSiteManagerTests"/>). Every test here runs both ways.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnifiPortalApiTests(AzuriteFixture azurite) : UnifiPortalApiContract(azurite);

public abstract class UnifiPortalApiContract(AzuriteFixture azurite) : IAsyncLifetime
{
    protected const string ControllerKey = "portal-key-1a2b";
    protected static readonly MacAddress Phone = MacAddress.Parse("1c:71:25:63:e4:24");
    private UnifiSimulator _simulator = null!;
    private RunningDevHost _host = null!;
    private string _empresaId = "";

    protected AzuriteFixture Azurite => azurite;

    protected UnifiSimulator Simulator => _simulator;

    protected RunningDevHost Host => _host;

    protected virtual UnifiSimulatorOptions SimulatorOptions => new() { ApiKey = ControllerKey };

    /// <summary>DevHost settings that point it at the simulator, beyond the router's own.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? HostSettings(UnifiSimulator simulator) => null;

    /// <summary>The admin body of the router under test.</summary>
    protected virtual object UnifiRouter(UnifiSimulator simulator) => AdminSession.UnifiRouter(simulator, ControllerKey);

    public async Task InitializeAsync()
    {
        _simulator = await UnifiSimulator.StartAsync(SimulatorOptions, default);
        _host = await AdminSession.StartAsync(azurite, HostSettings(_simulator));
        _empresaId = (await AdminSession.PostAsync(_host, "/api/v1/admin/empresas", new { nombre = "Hotel Mar" })).GetProperty("id").ToString();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task A_custom_portal_authorizes_reads_and_revokes_a_guest_with_what_the_controller_reports()
    {
        var portal = await PortalClientAsync(UnifiRouter());
        _simulator.State.Join(Phone, "default");

        var granted = await ReadAsync(await portal.PostAsJsonAsync("/api/v1/unifi/authorize", new
        {
            site = "default", mac = "1C-71-25-63-E4-24", ap_mac = "94:2a:6f:d0:30:57", minutes = 120, data_mb = 500, rx_kbps = 100, tx_kbps = 100,
        }));
        var read = await ReadAsync(await portal.GetAsync(new Uri($"/api/v1/unifi/clients/{Phone}", UriKind.Relative)));
        var revoked = await ReadAsync(await portal.PostAsJsonAsync("/api/v1/unifi/unauthorize", new { mac = Phone.ToString() }));
        using var gone = await portal.GetAsync(new Uri($"/api/v1/unifi/clients/{Phone}?site=default", UriKind.Relative));

        Assert.True(granted.GetProperty("authorized").GetBoolean());
        Assert.Equal(Phone.ToString(), granted.GetProperty("mac").GetString());
        Assert.Equal(granted.GetProperty("authorized_at").GetDateTimeOffset().AddMinutes(120), granted.GetProperty("expires_at").GetDateTimeOffset());
        Assert.Equal(500, granted.GetProperty("data_mb").GetInt64());
        Assert.False(string.IsNullOrEmpty(granted.GetProperty("client_id").GetString()));
        Assert.Equal(granted.GetProperty("expires_at").GetDateTimeOffset(), read.GetProperty("expires_at").GetDateTimeOffset());
        Assert.True(revoked.GetProperty("revoked").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_wired_guest_on_a_GuestLAN_goes_through_the_same_call()
    {
        var portal = await PortalClientAsync(UnifiRouter());
        _simulator.State.Join(Phone, "default", wired: true);

        var granted = await ReadAsync(await portal.PostAsJsonAsync("/api/v1/unifi/authorize", new { mac = Phone.ToString(), minutes = 30 }));

        Assert.True(granted.GetProperty("authorized").GetBoolean());
        Assert.Equal("wired", granted.GetProperty("tipo").GetString());
    }

    [Theory]
    [InlineData("""{"site":"default","mac":"1c:71:25:63:e4:24","minutes":0}""", "minutes")]
    [InlineData("""{"site":"default","mac":"1c:71:25:63:e4:24","minutes":60,"rx_kbps":1}""", "rx_kbps")]
    [InlineData("""{"site":"default","mac":"1c:71:25:63:e4:24","minutes":60,"data_mb":2000000}""", "data_mb")]
    [InlineData("""{"site":"default","mac":"1c:71:25:63:e4:24"}""", "minutes")]
    [InlineData("""{"site":"default","mac":"1c:71:25:63:e4","minutes":60}""", "mac")]
    [InlineData("""{"site":"default","mac":"1c:71:25:63:e4:24","ap_mac":"nope","minutes":60}""", "ap_mac")]
    [InlineData("""{"site":"lobby","mac":"1c:71:25:63:e4:24","minutes":60}""", "site")]
    [InlineData("""{"site":"de fault","mac":"1c:71:25:63:e4:24","minutes":60}""", "site")]
    [InlineData("""{"site":"default","mac":"aa:aa:aa:aa:aa:aa","minutes":60}""", "mac")]
    public async Task Bad_input_is_a_422_naming_the_field(string json, string field)
    {
        var portal = await PortalClientAsync(UnifiRouter());
        _simulator.State.Join(Phone, "default");
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await portal.PostAsync(new Uri("/api/v1/unifi/authorize", UriKind.Relative), content);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
        Assert.DoesNotContain(_simulator.State.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_MikroTik_routers_key_is_told_its_router_is_not_a_UniFi_router()
    {
        var portal = await PortalClientAsync(new { nombre = "Bar", tipo = "mikrotik", host = "192.0.2.1", usuario = "api", password = "secret-pw-1" });

        using var response = await portal.PostAsJsonAsync("/api/v1/unifi/authorize", new { mac = Phone.ToString(), minutes = 30 });
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("no UniFi; estos endpoints son solo para UniFi", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_router_gives_no_access()
    {
        var created = await AdminSession.PostAsync(_host, $"/api/v1/admin/empresas/{_empresaId}/routers", UnifiRouter());
        var portal = await PortalClientForAsync(created.GetProperty("id").ToString());
        using (var patch = await _host.Client.PatchAsJsonAsync(new Uri($"/api/v1/admin/routers/{created.GetProperty("id")}", UriKind.Relative), new { activo = false }))
        {
            patch.EnsureSuccessStatusCode();
        }

        _simulator.State.Join(Phone, "default");

        using var response = await portal.PostAsJsonAsync("/api/v1/unifi/authorize", new { mac = Phone.ToString(), minutes = 30 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(_simulator.State.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_controller_is_a_503_in_words()
    {
        var portal = await PortalClientAsync(UnifiRouter());
        _simulator.State.Join(Phone, "default");
        _simulator.Faults.Add(new UnifiFault(UnifiFault.StatusMode, 500, Method: "POST"));

        using var response = await portal.PostAsJsonAsync("/api/v1/unifi/authorize", new { mac = Phone.ToString(), minutes = 30 });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("no respondió a tiempo o está fallando", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private object UnifiRouter() => UnifiRouter(_simulator);

    [Fact]
    public async Task The_sweep_revokes_access_our_records_say_has_ended_if_the_controller_still_shows_it()
    {
        var created = await AdminSession.PostAsync(_host, $"/api/v1/admin/empresas/{_empresaId}/routers", UnifiRouter());
        var portal = await PortalClientForAsync(created.GetProperty("id").ToString());
        _simulator.State.Join(Phone, "default");
        await ReadAsync(await portal.PostAsJsonAsync("/api/v1/unifi/authorize", new { site = "default", mac = Phone.ToString(), minutes = 30 }));
        var router = await _host.Services.GetRequiredService<Hotspot.Tenancy.RouterStore>().GetAsync(created.GetProperty("id").GetInt64(), default);
        var services = _host.Services;
        Hotspot.Sweeper.UnifiGrantSweep SweepAt(TimeSpan later) => new(
            services.GetRequiredService<Hotspot.ExternalPortal.GuestGrantLedger>(), services.GetRequiredService<RouterControllers>(),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow + later));

        // Within our record's 30 minutes nothing is touched; past them, the controller (whose clock has not moved) is told.
        Assert.Equal(0, await SweepAt(TimeSpan.FromMinutes(10)).SweepAsync(router!, default));
        Assert.True((await ReadAsync(await portal.GetAsync(new Uri($"/api/v1/unifi/clients/{Phone}", UriKind.Relative)))).GetProperty("authorized").GetBoolean());
        Assert.Equal(1, await SweepAt(TimeSpan.FromMinutes(31)).SweepAsync(router!, default));
        using var after = await portal.GetAsync(new Uri($"/api/v1/unifi/clients/{Phone}", UriKind.Relative));
        Assert.True(after.StatusCode == HttpStatusCode.NotFound || !(await TenancyJson(after)).GetProperty("authorized").GetBoolean());
        Assert.Equal(0, await SweepAt(TimeSpan.FromMinutes(32)).SweepAsync(router!, default));
    }

    private static async Task<JsonElement> TenancyJson(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Creates the router, issues it an API key and returns a client that sends it.</summary>
    protected async Task<HttpClient> PortalClientAsync(object router)
    {
        var created = await AdminSession.PostAsync(_host, $"/api/v1/admin/empresas/{_empresaId}/routers", router);
        return await PortalClientForAsync(created.GetProperty("id").ToString());
    }

    private async Task<HttpClient> PortalClientForAsync(string routerId)
    {
        var issued = await AdminSession.PostAsync(_host, $"/api/v1/admin/routers/{routerId}/api-keys", new { alcance = "integracion" });
        var client = new HttpClient { BaseAddress = _host.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-API-Key", issued.GetProperty("api_key").GetString());
        return client;
    }

    protected static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
