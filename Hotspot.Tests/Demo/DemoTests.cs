using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.DevHost.Demo;
using Hotspot.Mikrotik;
using Hotspot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Demo;

/// <summary>What a newcomer gets from <c>./run.sh</c>: the demo's printed flow works as printed.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_serves_the_seeds_flow_against_its_simulator()
    {
        await using var host = await RunningDevHost.StartAsync(new Dictionary<string, string?> { ["Hotspot:DevHost:Demo:Enabled"] = "true", ["Hotspot:Auth:BcryptCost"] = "4" });
        var demo = await host.Services.GetRequiredService<DemoSeeder>().Ready.WaitAsync(TimeSpan.FromSeconds(60));

        async Task<JsonElement> ReconnectAsync(string user, string mac, string ip)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/hotspot/auto-reconnect")
            {
                Content = JsonContent.Create(new { username = user, password = DemoSeeder.HotspotPassword, current_mac = mac, current_ip = ip }),
            };
            request.Headers.Add("X-API-Key", demo.ApiKey);
            using var response = await host.Client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        var first = await ReconnectAsync(DemoSeeder.HotspotUser, "AA:BB:CC:DD:EE:FF", "192.168.88.10");
        Assert.Equal(("conectado", "AB3C9D"), (first.GetProperty("auto_conexion").GetString(), first.GetProperty("datos_sesion").GetProperty("name").GetString()));
        var phone = await ReconnectAsync(DemoSeeder.HotspotUser, "11:22:33:44:55:66", "192.168.88.175");
        Assert.Equal(("conectado", "AB3C9D_RANDMAC1"), (phone.GetProperty("auto_conexion").GetString(), phone.GetProperty("datos_sesion").GetProperty("name").GetString()));
        var unknown = await ReconnectAsync("NOSUCH", "22:33:44:55:66:77", "192.168.88.176");
        Assert.Equal(("expirado", "Usuario no encontrado"), (unknown.GetProperty("estado").GetString(), unknown.GetProperty("mensaje").GetString()));

        using var login = await host.Client.PostAsJsonAsync("/api/v1/auth/login", new { email = demo.AdminEmail, password = demo.AdminPassword });
        login.EnsureSuccessStatusCode();

        // The printed portal server's login (seed 001): the integration key logs the buyer's device in, the portal key may not.
        async Task<HttpStatusCode> PortalLoginAsync(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/portal_login")
            {
                Content = JsonContent.Create(new { data = $"{{\"uid\":\"room_401\",\"ap_mac\":\"aa:bb:cc:dd:ee:ff\",\"mac\":\"{DemoSeeder.BuyerMac}\",\"ip\":\"{DemoSeeder.BuyerIp}\"}}" }),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            using var response = await host.Client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Forbidden, await PortalLoginAsync(demo.ApiKey));
        Assert.Equal(HttpStatusCode.Created, await PortalLoginAsync(demo.IntegrationKey));
    }

    [Fact]
    public async Task The_demo_hotspot_serves_the_captive_portal_with_the_routers_config_and_logs_the_guest_in()
    {
        await using var host = await RunningDevHost.StartAsync(new Dictionary<string, string?> { ["Hotspot:DevHost:Demo:Enabled"] = "true", ["Hotspot:Auth:BcryptCost"] = "4" });
        var demo = await host.Services.GetRequiredService<DemoSeeder>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = demo.Hotspot.Gateway.Url };

        using var home = await browser.GetAsync(new Uri("/", UriKind.Relative));
        var loginPage = await browser.GetStringAsync(home.Headers.Location);
        var config = await browser.GetStringAsync(new Uri("/config.js", UriKind.Relative));
        using var login = await browser.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = DemoHotspot.GuestUser, ["password"] = DemoHotspot.GuestPassword, ["dst"] = "http://example.com/",
        }));

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains($"name=\"mac\" value=\"{DemoHotspot.BrowserMac}\"", loginPage, StringComparison.Ordinal);
        Assert.Contains($"\"apiKey\": \"{demo.ApiKey}\"", config, StringComparison.Ordinal);
        Assert.Contains("You are online!", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var session = Assert.Single(demo.Simulator.State.Snapshot()["/ip/hotspot/active"]);
        Assert.Equal((DemoHotspot.GuestUser, DemoHotspot.BrowserMac), (session["user"], session["mac-address"]));
    }
}
