using System.Globalization;
using System.Net;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Portal;

/// <summary>The sweep's portal step on the RouterOS simulator, with the DevHost's and the router's clocks moved together.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PortalSweepTests(AzuriteFixture azurite)
{
    private const string Mac = "11:22:33:44:55:66";
    private const string Ip = "192.168.1.100";

    [Fact]
    public async Task A_voucher_waits_for_valid_from_works_then_expires_and_the_sweep_removes_it_from_the_router()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        await ActionApiClient.Enable(world.Host, world.RootToken, world.RouterId);
        world.Router.State.AddHost(Mac, Ip);
        await using var client = await world.Router.ConnectAsync();
        var from = world.Host.Clock.GetUtcNow().AddHours(1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var created = await ActionApiClient.PostAsync(world.Host, new Dictionary<string, object>
        {
            ["api-key"] = world.ApiKey, ["action"] = "create_voucher", ["username"] = "life1", ["passcode"] = "pw-life1", ["valid_for"] = "1 hour", ["valid_from"] = from,
        });

        var early = await Assert.ThrowsAsync<RouterOsTrapException>(() => client.LoginHotspotDeviceAsync("life1", "pw-life1", Ip, Mac, default));
        Advance(world, TimeSpan.FromHours(1));
        var opened = await SweepAsync(world);
        await client.LoginHotspotDeviceAsync("life1", "pw-life1", Ip, Mac, default);
        Advance(world, TimeSpan.FromMinutes(30));
        var midway = await SweepAsync(world);
        var listed = await ActionApiClient.GetAsync(world.Host, $"api-key={Uri.EscapeDataString(world.ApiKey)}&action=get_voucher_users");
        Advance(world, TimeSpan.FromMinutes(31));
        var closed = await SweepAsync(world);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Contains("disabled", early.Message, StringComparison.Ordinal);
        Assert.Equal(1, opened.GetProperty("vouchers_enabled").GetInt32());
        Assert.Equal(0, midway.GetProperty("vouchers_expired").GetInt32());
        var voucher = Assert.Single(listed.Body.GetProperty("users").EnumerateArray());
        Assert.Equal(Mac, voucher.GetProperty("MAC").GetString());
        Assert.NotEqual(JsonValueKind.Null, voucher.GetProperty("first_login").ValueKind);
        Assert.Equal(1, closed.GetProperty("vouchers_expired").GetInt32());
        Assert.DoesNotContain(await client.GetHotspotUsersAsync(null, default), u => u.Name == "life1");
        Assert.Empty(await client.GetHotspotActiveAsync(null, default));
    }

    [Fact]
    public async Task The_sweep_ends_a_portal_login_after_its_session_timeout()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        world.Router.State.AddHost(Mac, Ip);
        await using var client = await world.Router.ConnectAsync();
        var data = JsonSerializer.Serialize(new { uid = "room_401", ap_mac = "aa:bb:cc:dd:ee:ff", mac = Mac, ip = Ip, session_timeout = 600, idle_timeout = 300 });
        var created = await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/portal_login/", world.ApiKey, new { data });
        var page = $"/api/v1/portal_login/{created.GetProperty("page_id").GetInt64()}";

        Advance(world, TimeSpan.FromSeconds(599));
        var early = await SweepAsync(world);
        var stillOn = await client.GetHotspotActiveAsync(null, default);
        Advance(world, TimeSpan.FromSeconds(1));
        var due = await SweepAsync(world);
        var session = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, page, world.ApiKey);

        Assert.Equal(0, early.GetProperty("portal_sessions_ended").GetInt32());
        Assert.Single(stillOn);
        Assert.Equal(1, due.GetProperty("portal_sessions_ended").GetInt32());
        Assert.Empty(await client.GetHotspotActiveAsync(null, default));
        Assert.Equal("session_timeout", session.GetProperty("end_reason").GetString());
    }

    [Fact]
    public async Task The_sweep_ends_a_portal_login_whose_device_stays_idle_past_its_idle_timeout_and_keeps_a_busy_one()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        const string BusyMac = "11:22:33:44:55:77";
        world.Router.State.AddHost(Mac, Ip);
        world.Router.State.AddHost(BusyMac, "192.168.1.101");
        await using var client = await world.Router.ConnectAsync();
        var idleData = JsonSerializer.Serialize(new { uid = "room_402", ap_mac = "aa:bb:cc:dd:ee:ff", mac = Mac, ip = Ip, session_timeout = 3600, idle_timeout = 300 });
        var busyData = JsonSerializer.Serialize(new { uid = "room_403", ap_mac = "aa:bb:cc:dd:ee:ff", mac = BusyMac, ip = "192.168.1.101", session_timeout = 3600, idle_timeout = 300 });
        var idle = await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/portal_login/", world.ApiKey, new { data = idleData });
        await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/portal_login/", world.ApiKey, new { data = busyData });

        Advance(world, TimeSpan.FromMinutes(10));
        world.Router.State.SetQuiet(Mac, quiet: true);
        Advance(world, TimeSpan.FromSeconds(299));
        var early = await SweepAsync(world);
        Advance(world, TimeSpan.FromSeconds(1));
        var due = await SweepAsync(world);
        var session = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/portal_login/{idle.GetProperty("page_id").GetInt64()}", world.ApiKey);

        Assert.Equal(0, early.GetProperty("portal_sessions_ended").GetInt32());
        Assert.Equal(1, due.GetProperty("portal_sessions_ended").GetInt32());
        Assert.Equal("idle_timeout", session.GetProperty("end_reason").GetString());
        Assert.Equal(BusyMac, Assert.Single(await client.GetHotspotActiveAsync(null, default)).MacAddress);
    }

    private static void Advance(MikrotikWorld world, TimeSpan by)
    {
        world.Host.Clock.Advance(by);
        world.Router.Simulator.Clock.Advance(by);
    }

    private static Task<JsonElement> SweepAsync(MikrotikWorld world) =>
        world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, world.RouterPath + "/sweep", world.RootToken);
}
