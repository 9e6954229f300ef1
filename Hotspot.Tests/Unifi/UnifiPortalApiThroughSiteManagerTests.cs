using System.Net;
using System.Net.Http.Json;
using Hotspot.Simulators.Unifi;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Unifi;

/// <summary>
/// A UniFi console behind NAT, reached through the Site Manager connector (the simulator serves its path shape and
/// key): every test of <see cref="UnifiPortalApiContract"/>, plus what only the connector has — its key, its
/// rate limit, and the lookups we cache so as to spend less of it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnifiPortalApiThroughSiteManagerTests(AzuriteFixture azurite) : UnifiPortalApiContract(azurite)
{
    private const string SiteManagerKey = "site-manager-key-9c4d";

    protected override UnifiSimulatorOptions SimulatorOptions => new() { ApiKey = ControllerKey, SiteManagerApiKey = SiteManagerKey };

    protected override IReadOnlyDictionary<string, string?>? HostSettings(UnifiSimulator simulator) => AdminSession.SiteManagerSettings(simulator);

    protected override object UnifiRouter(UnifiSimulator simulator) => AdminSession.SiteManagerRouter(SiteManagerKey);

    [Fact]
    public async Task Every_call_goes_through_the_connector_with_the_site_manager_key_and_a_warm_one_skips_the_lookups()
    {
        var portal = await PortalClientAsync(UnifiRouter(Simulator));
        Simulator.State.Join(Phone, "default");

        await ReadAsync(await portal.PostAsJsonAsync("/api/v1/unifi/authorize", new { mac = Phone.ToString(), minutes = 30 }));
        var first = Simulator.State.Requests.Count;
        await ReadAsync(await portal.PostAsJsonAsync("/api/v1/unifi/authorize", new { mac = Phone.ToString(), minutes = 60 }));
        var warm = Simulator.State.Requests.Skip(first).ToList();

        Assert.Equal(Simulator.State.Requests.Count, Simulator.State.SiteManagerRequests);
        Assert.Contains(Simulator.State.Requests, r => r.StartsWith("GET /v1/sites?", StringComparison.Ordinal));
        Assert.Equal(2, warm.Count);
        Assert.StartsWith("POST /v1/sites/", warm[0], StringComparison.Ordinal);
        Assert.EndsWith("/actions", warm[0], StringComparison.Ordinal);
        Assert.StartsWith("GET /v1/sites/", warm[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_that_came_back_with_a_new_client_id_is_looked_up_again()
    {
        var portal = await PortalClientAsync(UnifiRouter(Simulator));
        Simulator.State.Join(Phone, "default");
        await ReadAsync(await portal.PostAsJsonAsync("/api/v1/unifi/authorize", new { mac = Phone.ToString(), minutes = 30 }));
        Simulator.State.Leave(Phone);
        Simulator.State.Join(Phone, "default");

        var granted = await ReadAsync(await portal.PostAsJsonAsync("/api/v1/unifi/authorize", new { mac = Phone.ToString(), minutes = 30 }));

        Assert.True(granted.GetProperty("authorized").GetBoolean());
    }

    [Fact]
    public async Task When_our_budget_for_the_key_is_spent_the_guest_gets_503_with_Retry_After_and_nothing_is_sent()
    {
        await using var simulator = await UnifiSimulator.StartAsync(SimulatorOptions, default);
        var settings = new Dictionary<string, string?>(AdminSession.SiteManagerSettings(simulator)) { ["Hotspot:Unifi:SiteManagerRequestsPerMinute"] = "4" };
        await using var host = await AdminSession.StartAsync(Azurite, settings);
        var portal = await PortalOnAsync(host, AdminSession.SiteManagerRouter(SiteManagerKey));
        simulator.State.Join(Phone, "default");
        await ReadAsync(await portal.PostAsJsonAsync("/api/v1/unifi/authorize", new { mac = Phone.ToString(), minutes = 30 }));
        var sent = simulator.State.SiteManagerRequests;

        using var refused = await portal.PostAsJsonAsync("/api/v1/unifi/authorize", new { mac = Phone.ToString(), minutes = 30 });

        Assert.Equal(4, sent);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait.Value.TotalSeconds, 1, 60);
        Assert.Equal(sent, simulator.State.SiteManagerRequests);
    }

    [Fact]
    public async Task The_connectors_own_429_reaches_the_guest_as_503_with_its_Retry_After_and_the_authorization_is_not_repeated()
    {
        await using var simulator = await UnifiSimulator.StartAsync(SimulatorOptions with { SiteManagerRequestsPerMinute = 2 }, default);
        await using var host = await AdminSession.StartAsync(Azurite, AdminSession.SiteManagerSettings(simulator));
        var portal = await PortalOnAsync(host, AdminSession.SiteManagerRouter(SiteManagerKey));
        simulator.State.Join(Phone, "default");

        using var refused = await portal.PostAsJsonAsync("/api/v1/unifi/authorize", new { mac = Phone.ToString(), minutes = 30 });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain(simulator.State.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_site_manager_key_is_a_502_in_words_that_names_no_key()
    {
        const string wrongKey = "not-the-site-manager-key";
        var portal = await PortalClientAsync(AdminSession.SiteManagerRouter(wrongKey));
        Simulator.State.Join(Phone, "default");

        using var response = await portal.PostAsJsonAsync("/api/v1/unifi/authorize", new { mac = Phone.ToString(), minutes = 30 });
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain(wrongKey, text, StringComparison.Ordinal);
        Assert.Equal(0, Simulator.State.SiteManagerRequests);
    }

    [Fact]
    public async Task The_admin_REST_takes_a_console_id_and_refuses_what_does_not_apply_to_the_connector()
    {
        var path = $"/api/v1/admin/empresas/{await EmpresaAsync()}/routers";
        var created = await AdminSession.PostAsync(Host, path, UnifiRouter(Simulator));
        var routerPath = $"/api/v1/admin/routers/{created.GetProperty("id")}";

        Assert.Equal("site_manager", created.GetProperty("conexion").GetString());
        Assert.Equal(SimulatorOptions.ConsoleId, created.GetProperty("consola_id").GetString());
        Assert.Equal("********", created.GetProperty("api_key").GetString());
        Assert.Equal(JsonValueKindNull, created.GetProperty("base_url").ValueKind);
        await ExpectErrorsAsync(HttpMethod.Post, path, new { nombre = "Patio", tipo = "unifi", conexion = "site_manager", site = "default", api_key = "k" }, "consola_id");
        await ExpectErrorsAsync(HttpMethod.Post, path, new
        {
            nombre = "Patio", tipo = "unifi", conexion = "site_manager", consola_id = "../../v1/hosts", site = "default", api_key = "k",
            base_url = "https://192.0.2.1/proxy/network/integration", certificado_sha256 = new string('a', 64),
        }, "consola_id", "base_url", "certificado_sha256");
        await ExpectErrorsAsync(HttpMethod.Post, path, new { nombre = "Patio", tipo = "unifi", conexion = "vpn", site = "default", api_key = "k" }, "conexion");
        await ExpectErrorsAsync(HttpMethod.Post, path, new
        {
            nombre = "Patio", tipo = "unifi", base_url = "https://192.0.2.1/proxy/network/integration", consola_id = "abc:1", site = "default", api_key = "k",
        }, "consola_id");
        await ExpectErrorsAsync(HttpMethod.Patch, routerPath, new { consola_id = "F00D:42" }, "api_key");
        await ExpectErrorsAsync(HttpMethod.Patch, routerPath, new { conexion = "local" }, "conexion");
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private async Task<string> EmpresaAsync() =>
        (await AdminSession.PostAsync(Host, "/api/v1/admin/empresas", new { nombre = "Hostal " + Guid.NewGuid().ToString("N")[..6] })).GetProperty("id").ToString();

    private async Task ExpectErrorsAsync(HttpMethod method, string path, object body, params string[] fields)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        using var response = await Host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{method} {path}: {(int)response.StatusCode} {text}");
        var errors = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("errors");
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {text}");
        }
    }

    private static async Task<HttpClient> PortalOnAsync(RunningDevHost host, object router)
    {
        var empresa = await AdminSession.PostAsync(host, "/api/v1/admin/empresas", new { nombre = "Hostal" });
        var created = await AdminSession.PostAsync(host, $"/api/v1/admin/empresas/{empresa.GetProperty("id")}/routers", router);
        var issued = await AdminSession.PostAsync(host, $"/api/v1/admin/routers/{created.GetProperty("id")}/api-keys", new { alcance = "integracion" });
        var client = new HttpClient { BaseAddress = host.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-API-Key", issued.GetProperty("api_key").GetString());
        return client;
    }
}
