using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Drivers;
using Hotspot.Simulators.Unifi;

namespace Hotspot.Tests.Unifi;

/// <summary>The simulator's Integration API on the wire, as a portal developer's own code would meet it (plain HTTP).</summary>
public sealed class UnifiSimulatorWireTests : IAsyncLifetime, IDisposable
{
    private UnifiSimulator _simulator = null!;
    private HttpClient _api = null!;
    private string _siteId = "";

    public async Task InitializeAsync()
    {
        _simulator = await UnifiSimulator.StartAsync(new UnifiSimulatorOptions { UseHttp = true }, default);
        _api = new HttpClient { BaseAddress = new Uri(_simulator.ApiBaseUrl + "/"), Timeout = TimeSpan.FromSeconds(10) };
        _api.DefaultRequestHeaders.Add("x-api-key", UnifiSimulatorOptions.DefaultApiKey);
        _siteId = _simulator.State.AddSite("default");
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Without_the_key_it_answers_401_with_the_documented_error_body()
    {
        using var anonymous = new HttpClient { BaseAddress = _api.BaseAddress };

        using var response = await anonymous.GetAsync(new Uri("v1/sites", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("UNAUTHORIZED", body.RootElement.GetProperty("statusName").GetString());
        Assert.Equal("api.authentication.missing-credentials", body.RootElement.GetProperty("code").GetString());
        Assert.Equal("/proxy/network/integration/v1/sites", body.RootElement.GetProperty("requestPath").GetString());
        Assert.True(body.RootElement.TryGetProperty("requestId", out _));
        Assert.True(body.RootElement.TryGetProperty("timestamp", out _));
    }

    [Fact]
    public async Task Lists_page_with_offset_and_limit_and_report_the_total()
    {
        for (var i = 0; i < 30; i++)
        {
            _simulator.State.Join(MacAddress.Parse($"02:00:00:00:00:{i:x2}"), "default");
        }

        var first = await GetAsync($"v1/sites/{_siteId}/clients");
        var last = await GetAsync($"v1/sites/{_siteId}/clients?offset=25&limit=10");

        Assert.Equal((0, 25, 25, 30), Envelope(first));
        Assert.Equal((25, 10, 5, 30), Envelope(last));
    }

    [Theory]
    [InlineData("limit=201")]
    [InlineData("offset=-1")]
    [InlineData("limit=ten")]
    [InlineData("filter=macAddress.eq(1c)")]
    [InlineData("filter=macAddress.eq('1c'")]
    [InlineData("filter=hostname.eq('x')")]
    public async Task A_malformed_list_query_is_a_400(string query)
    {
        using var response = await _api.GetAsync(new Uri($"v1/sites/{_siteId}/clients?{query}", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, body.RootElement.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Filters_combine_eq_and_or_on_mac_type_and_authorization()
    {
        var wired = MacAddress.Parse("aa:00:00:00:00:01");
        var wireless = MacAddress.Parse("aa:00:00:00:00:02");
        _simulator.State.Join(wired, "default", wired: true);
        _simulator.State.Join(wireless, "default");
        _simulator.State.Join(MacAddress.Parse("aa:00:00:00:00:03"), "default", guest: false);

        var either = await GetAsync($"v1/sites/{_siteId}/clients?filter=" +
            Uri.EscapeDataString("or(macAddress.eq('AA:00:00:00:00:01'),macAddress.eq('aa:00:00:00:00:02'))"));
        var wiredGuests = await GetAsync($"v1/sites/{_siteId}/clients?filter=" +
            Uri.EscapeDataString("and(access.type.eq('GUEST'),type.eq('WIRED'),access.authorized.eq(false))"));

        Assert.Equal(2, either.GetProperty("totalCount").GetInt32());
        Assert.Equal(wired.ToString(), Assert.Single(wiredGuests.GetProperty("data").EnumerateArray()).GetProperty("macAddress").GetString());
    }

    [Fact]
    public async Task A_second_authorization_revokes_the_first_and_unauthorizing_disconnects()
    {
        var mac = MacAddress.Parse("1c:71:25:63:e4:24");
        var clientId = _simulator.State.Join(mac, "default");
        var actions = new Uri($"v1/sites/{_siteId}/clients/{clientId}/actions", UriKind.Relative);

        var first = await PostAsync(actions, new { action = "AUTHORIZE_GUEST_ACCESS", timeLimitMinutes = 120, dataUsageLimitMBytes = 500 });
        var second = await PostAsync(actions, new { action = "AUTHORIZE_GUEST_ACCESS", timeLimitMinutes = 30 });
        var revoked = await PostAsync(actions, new { action = "UNAUTHORIZE_GUEST_ACCESS" });
        using var gone = await _api.GetAsync(new Uri($"v1/sites/{_siteId}/clients/{clientId}", UriKind.Relative));

        Assert.False(first.TryGetProperty("revokedAuthorization", out _));
        Assert.Equal(500, second.GetProperty("revokedAuthorization").GetProperty("dataUsageLimitMBytes").GetInt32());
        Assert.Equal("API", second.GetProperty("grantedAuthorization").GetProperty("authorizationMethod").GetString());
        Assert.Equal("UNAUTHORIZE_GUEST_ACCESS", revoked.GetProperty("action").GetString());
        Assert.True(revoked.TryGetProperty("revokedAuthorization", out _));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("""{"action":"AUTHORIZE_GUEST_ACCESS","timeLimitMinutes":0}""")]
    [InlineData("""{"action":"AUTHORIZE_GUEST_ACCESS","timeLimitMinutes":60,"rxRateLimitKbps":1}""")]
    [InlineData("""{"action":"AUTHORIZE_GUEST_ACCESS","timeLimitMinutes":60,"dataUsageLimitMBytes":1048577}""")]
    [InlineData("""{"action":"KICK"}""")]
    [InlineData("""not json""")]
    public async Task An_action_out_of_range_or_malformed_is_a_400_and_changes_nothing(string json)
    {
        var mac = MacAddress.Parse("1c:71:25:63:e4:24");
        var clientId = _simulator.State.Join(mac, "default");
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await _api.PostAsync(new Uri($"v1/sites/{_siteId}/clients/{clientId}/actions", UriKind.Relative), content);
        var client = await GetAsync($"v1/sites/{_siteId}/clients/{clientId}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(client.GetProperty("access").GetProperty("authorized").GetBoolean());
    }

    [Fact]
    public async Task Without_a_time_limit_the_site_default_applies()
    {
        var clientId = _simulator.State.Join(MacAddress.Parse("1c:71:25:63:e4:24"), "default");

        var answer = await PostAsync(new Uri($"v1/sites/{_siteId}/clients/{clientId}/actions", UriKind.Relative), new { action = "AUTHORIZE_GUEST_ACCESS" });

        var granted = answer.GetProperty("grantedAuthorization");
        Assert.Equal(TimeSpan.FromMinutes(UnifiState.SiteDefaultMinutes),
            granted.GetProperty("expiresAt").GetDateTimeOffset() - granted.GetProperty("authorizedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_throttling_fault_answers_429_with_Retry_After_then_clears()
    {
        _simulator.Faults.Add(new UnifiFault(UnifiFault.StatusMode, 429, RetryAfterSeconds: 3, Times: 1));

        using var throttled = await _api.GetAsync(new Uri("v1/info", UriKind.Relative));
        using var next = await _api.GetAsync(new Uri("v1/info", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task The_control_port_refuses_a_fault_it_cannot_apply()
    {
        using var control = new HttpClient { BaseAddress = _simulator.ControlUrl };

        using var response = await control.PostAsJsonAsync("/faults", new { mode = "status", status = 200 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_simulator.Faults.List());
    }

    [Fact]
    public void The_CLI_defaults_to_HTTPS_on_8443_and_reads_every_option()
    {
        var defaults = UnifiSimulatorCli.Parse([]);
        var custom = UnifiSimulatorCli.Parse(["--port", "9443", "--http", "--control-port", "9444", "--api-key", "k", "--site", "lobby"]);

        Assert.Equal(new UnifiSimulatorOptions { Port = 8443, ControlPort = 8444 }, defaults);
        Assert.Equal(new UnifiSimulatorOptions { Port = 9443, ControlPort = 9444, UseHttp = true, ApiKey = "k", Site = "lobby" }, custom);
        Assert.Null(UnifiSimulatorCli.Parse(["--port", "x"]));
        Assert.Null(UnifiSimulatorCli.Parse(["--bogus"]));
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _api.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    private async Task<JsonElement> PostAsync(Uri path, object body)
    {
        using var response = await _api.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (int, int, int, int) Envelope(JsonElement page) =>
        (page.GetProperty("offset").GetInt32(), page.GetProperty("limit").GetInt32(), page.GetProperty("count").GetInt32(), page.GetProperty("totalCount").GetInt32());
}
