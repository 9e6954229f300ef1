using System.Net;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Sales.Purchases;

namespace Hotspot.Tests.Portal;

/// <summary>
/// Seed 001's uid never becomes an account the portal did not create (the RouterOS simulator over TCP, through HTTP):
/// a uid naming a voucher or a purchase's user logs the device in as the uid's own portal account, and a router user
/// in the portal namespace that we did not make is refused, with nothing of the router's in the 422.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PortalLoginCollisionTests(AzuriteFixture azurite)
{
    private const string Intruder = "11:22:33:44:55:66";

    [Fact]
    public async Task A_uid_naming_a_voucher_logs_the_device_in_as_its_own_portal_account_not_as_the_voucher()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        await ActionApiClient.Enable(world.Host, world.RootToken, world.RouterId);
        var voucher = await ActionApiClient.GetAsync(world.Host, $"api-key={world.ApiKey}&action=create_voucher&username=AB3C9D&passcode=4821");
        Assert.Equal(HttpStatusCode.OK, voucher.Status);
        world.Router.State.AddHost(Intruder, "192.168.1.100");

        var created = await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/portal_login", world.ApiKey, new { data = Data("AB3C9D") });
        await using var client = await world.Router.ConnectAsync();
        var session = Assert.Single(await client.GetHotspotActiveAsync(null, default));
        var voucherUser = await client.FindHotspotUserAsync("AB3C9D", default);

        Assert.Equal("AB3C9D", created.GetProperty("uid").GetString());
        Assert.Equal("portal-AB3C9D", session.User);
        Assert.Equal("4821", voucherUser!.Password);
        Assert.Equal(TimeSpan.Zero, voucherUser.Uptime);
    }

    [Fact]
    public async Task A_uid_naming_a_purchases_user_does_not_take_its_bought_time()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync();
        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        var bought = Assert.Single(world.UsersOf(compra.Id));
        var (_, serverKey) = await world.Host.IssueApiKeyAsync(world.RootToken, world.RouterId);
        world.Router.State.AddHost(Intruder, "10.5.50.99");

        var created = await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/portal_login", serverKey, new { data = Data(bought["name"], "10.5.50.99") });
        await using var client = await world.Router.ConnectAsync();
        var sessions = await client.GetHotspotActiveAsync(null, default);
        var after = await client.FindHotspotUserAsync(bought["name"], default);

        Assert.Equal(bought["name"], created.GetProperty("uid").GetString());
        var session = Assert.Single(sessions, s => string.Equals(s.MacAddress, Intruder, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("portal-" + bought["name"], session.User);
        Assert.DoesNotContain(sessions, s => s.User == bought["name"]);
        Assert.Equal(bought["password"], after!.Password);
        Assert.Equal(TimeSpan.Zero, after.Uptime);
    }

    [Fact]
    public async Task A_router_user_in_the_portal_namespace_that_we_did_not_create_is_refused_with_our_words_only()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        await using var client = await world.Router.ConnectAsync();
        await client.AddHotspotUserAsync(new NewHotspotUser("portal-lobby", "operator-secret-9") { Comment = "the operator's own" }, default);
        world.Router.State.AddHost(Intruder, "192.168.1.100");

        using var taken = await world.Host.SendAsync(HttpMethod.Post, "/api/v1/portal_login", world.ApiKey, new { data = Data("lobby") });
        using var absent = await world.Host.SendAsync(HttpMethod.Post, "/api/v1/portal_login", world.ApiKey, new { data = Data("lobby", mac: "66:55:44:33:22:11") });
        var sessions = await client.GetHotspotActiveAsync(null, default);

        foreach (var response in new[] { taken, absent })
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("MikroTik", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain($"router {world.RouterId}", text, StringComparison.Ordinal);
            Assert.DoesNotContain("/ip/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("portal-lobby", text, StringComparison.Ordinal);
            Assert.DoesNotContain("operator-secret-9", text, StringComparison.Ordinal);
        }

        Assert.Empty(sessions);
    }

    private static string Data(string uid, string ip = "192.168.1.100", string mac = Intruder) => JsonSerializer.Serialize(new
    {
        uid, ap_mac = "aa:bb:cc:dd:ee:ff", mac, ip, session_timeout = 3600,
    });
}
