using System.Net;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.RouterOs;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.Reconnect;

/// <summary>Seed 000 over HTTP: the DevHost, a router API key, and the RouterOS simulator over TCP.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AutoReconnectHttpTests(AzuriteFixture azurite)
{
    private const string Path = "/api/v1/hotspot/auto-reconnect";
    private static readonly string[] SeedFields =
        ["success", "estado", "auto_conexion", "datos_sesion", "nueva_mac", "tiempo_acumulado", "tiempo_restante", "primera_sesion", "mensaje", "error_detalle", "timestamp"];

    private sealed record Setup(TenancyHost Host, RunningRouter Router, string Root, long EmpresaId, long RouterId, string ApiKey) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Router.DisposeAsync();
        }
    }

    private async Task<Setup> StartAsync()
    {
        var router = RunningRouter.Start();
        var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Cafe");
        var created = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            new { nombre = "Cafe", tipo = "mikrotik", host = "127.0.0.1", puerto = router.Simulator.ApiPort, usuario = "admin", password = RunningRouter.Password });
        var routerId = created.GetProperty("id").GetInt64();
        var (_, apiKey) = await host.IssueApiKeyAsync(root, routerId, Hotspot.Auth.KeyScopes.PortalName);
        var client = await router.ConnectAsync();
        await client.AddHotspotUserProfileAsync(new NewHotspotUserProfile("5Mbps-1hora"), default);
        await client.AddHotspotUserAsync(new NewHotspotUser("AB3C9D", "4821") { Profile = "5Mbps-1hora", Comment = "MODE=RANDMAC TL=3600 TA=1800" }, default);
        router.State.AddHost("11:22:33:44:55:66", "192.168.88.175");
        return new Setup(host, router, root, empresa, routerId, apiKey);
    }

    private static object SeedRequest(string username = "AB3C9D", string mac = "11:22:33:44:55:66") => new
    {
        username, password = "4821", stored_mac = "AA:BB:CC:DD:EE:FF", current_mac = mac, current_ip = "192.168.88.175", current_ssid = "WiFi-Cafe",
    };

    private static async Task<JsonElement> ReconnectAsync(Setup setup, object body)
    {
        using var response = await setup.Host.SendAsync(HttpMethod.Post, Path, json: body, apiKey: setup.ApiKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var json = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(SeedFields, json.EnumerateObject().Select(p => p.Name));
        return json;
    }

    [Fact]
    public async Task The_seeds_request_connects_a_new_device_and_answers_in_the_seeds_shape()
    {
        await using var setup = await StartAsync();

        var json = await ReconnectAsync(setup, SeedRequest(mac: "11-22-33-44-55-66"));

        Assert.True(json.GetProperty("success").GetBoolean());
        Assert.Equal(("activo", "conectado"), (json.GetProperty("estado").GetString(), json.GetProperty("auto_conexion").GetString()));
        Assert.Equal("11:22:33:44:55:66", json.GetProperty("nueva_mac").GetString());
        Assert.Equal(("00:30:00", "00:30:00"), (json.GetProperty("tiempo_acumulado").GetString(), json.GetProperty("tiempo_restante").GetString()));
        var datos = json.GetProperty("datos_sesion");
        Assert.Equal([".id", "name", "profile", "mac-address", "comment", "disabled"], datos.EnumerateObject().Select(p => p.Name));
        Assert.Equal("AB3C9D", datos.GetProperty("name").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", json.GetProperty("timestamp").GetString());
        Assert.DoesNotContain("4821", json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inactive_company_or_router_and_a_mac_as_username_answer_200_with_their_estado()
    {
        await using var setup = await StartAsync();
        Assert.Equal("expirado", (await ReconnectAsync(setup, SeedRequest(username: "11:22:33:44:55:66"))).GetProperty("estado").GetString());

        await setup.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/routers/{setup.RouterId}", setup.Root, new { activo = false });
        var router = await ReconnectAsync(setup, SeedRequest());
        Assert.Equal(("router_inactivo", "no_conectado", false), (router.GetProperty("estado").GetString(), router.GetProperty("auto_conexion").GetString(), router.GetProperty("success").GetBoolean()));

        await setup.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/empresas/{setup.EmpresaId}", setup.Root, new { activa = false });
        var empresa = await ReconnectAsync(setup, SeedRequest());
        Assert.Equal("empresa_inactiva", empresa.GetProperty("estado").GetString());
        Assert.Equal(JsonValueKind.Null, empresa.GetProperty("mensaje").ValueKind);
        Assert.Empty(await (await setup.Router.ConnectAsync()).GetHotspotActiveAsync(null, default));
    }

    [Fact]
    public async Task Bad_requests_get_401_400_and_422_naming_the_field()
    {
        await using var setup = await StartAsync();
        using (var noKey = await setup.Host.SendAsync(HttpMethod.Post, Path, json: SeedRequest()))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
            Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType?.MediaType);
        }

        using (var bearer = await setup.Host.SendAsync(HttpMethod.Post, Path, bearer: setup.ApiKey, json: SeedRequest()))
        {
            Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        }

        using (var malformed = await setup.Host.SendAsync(HttpMethod.Post, Path, json: "{\"username\": ", apiKey: setup.ApiKey))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        }

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { current_mac = "11:22:33:44:55:66" }, "username"),
            (new { username = "AB3C9D" }, "current_mac"),
            (new { username = "AB3C9D", current_mac = "11:22:33:44:55:66\"; /system reboot" }, "current_mac"),
            (new { username = "AB3C9D", current_mac = "11:22:33:44:55:66", current_ip = "192.168.88.999" }, "current_ip"),
            ("{\"username\": 5, \"current_mac\": \"11:22:33:44:55:66\"}", "username"),
        })
        {
            using var response = await setup.Host.SendAsync(HttpMethod.Post, Path, json: body, apiKey: setup.ApiKey);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.True((await TenancyHost.JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task A_router_that_never_answers_gives_estado_error_within_the_time_bound()
    {
        await using var setup = await StartAsync();
        await ReconnectAsync(setup, SeedRequest());
        setup.Router.Simulator.Faults.Silent = true;

        var json = await ReconnectAsync(setup, SeedRequest(mac: "66:55:44:33:22:11"));

        Assert.Equal(("error", false, "no_conectado"), (json.GetProperty("estado").GetString(), json.GetProperty("success").GetBoolean(), json.GetProperty("auto_conexion").GetString()));
        var detail = json.GetProperty("error_detalle").GetString();
        Assert.Contains($"router {setup.RouterId}", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(RunningRouter.Password, detail, StringComparison.Ordinal);

        // The router comes back: the next call works on a fresh connection.
        setup.Router.Simulator.Faults.Silent = false;
        Assert.Equal("activo", (await ReconnectAsync(setup, SeedRequest())).GetProperty("estado").GetString());
    }
}
