using System.Net;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.Portal;

/// <summary>Seed 001's <c>portal_login</c> on a MikroTik router (the RouterOS simulator over TCP), through the DevHost.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PortalLoginMikrotikTests(AzuriteFixture azurite)
{
    internal const string SeedData =
        "{\"uid\":\"guest@hotel.com\",\"ap_mac\":\"aa:bb:cc:dd:ee:ff\",\"mac\":\"11:22:33:44:55:66\",\"ip\":\"192.168.1.100\",\"original_url\":\"https://www.google.com\",\"controller_address\":\"192.168.1.1\",\"session_timeout\":3600,\"idle_timeout\":1800}";

    internal static readonly string[] SeedFields =
        ["page_id", "original_url", "ap_mac", "mac", "ip", "uid", "controller_address", "session_timeout", "idle_timeout"];

    [Fact]
    public async Task The_seed_example_logs_the_device_in_and_the_page_id_reads_and_ends_the_session()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        world.Router.State.AddHost("11:22:33:44:55:66", "192.168.1.100");
        await using var client = await world.Router.ConnectAsync();

        var created = await world.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/portal_login/", world.ApiKey, new { data = SeedData });
        var pageId = created.GetProperty("page_id").GetInt64();
        var online = await client.GetHotspotActiveAsync(null, default);
        var read = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/portal_login/{pageId}", world.ApiKey);
        await world.Host.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/portal_login/{pageId}", world.ApiKey);
        var offline = await client.GetHotspotActiveAsync(null, default);
        var ended = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/portal_login/{pageId}", world.ApiKey);

        Assert.Equal(SeedFields, created.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, created.GetProperty("page_id").ValueKind);
        Assert.Equal("guest@hotel.com", created.GetProperty("uid").GetString());
        Assert.Equal("11:22:33:44:55:66", created.GetProperty("mac").GetString());
        Assert.Equal(3600, created.GetProperty("session_timeout").GetInt32());
        Assert.Equal(1800, created.GetProperty("idle_timeout").GetInt32());
        var session = Assert.Single(online);
        Assert.Equal("portal-guest@hotel.com", session.User);
        Assert.Equal("11:22:33:44:55:66", session.MacAddress, ignoreCase: true);
        Assert.True(read.GetProperty("active").GetBoolean());
        Assert.Empty(offline);
        Assert.False(ended.GetProperty("active").GetBoolean());
        Assert.Equal("logout", ended.GetProperty("end_reason").GetString());
    }

    [Fact]
    public async Task Bad_data_is_400_a_bad_key_401_and_a_device_the_router_cannot_let_on_422()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        world.Router.State.AddHost("11:22:33:44:55:66", "192.168.1.100");
        var host = world.Host;
        var valid = JsonDocument.Parse(SeedData).RootElement;

        string With(string field, object? value)
        {
            var fields = valid.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
            fields[field] = value;
            return JsonSerializer.Serialize(fields);
        }

        foreach (var data in new[] { "not json", With("mac", "11:22:33:44:55"), With("ap_mac", null), With("ip", "10.1"), With("ip", "192.168.001.100"), With("session_timeout", "3600"), With("uid", 42) })
        {
            await host.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/v1/portal_login/", world.ApiKey, new { data });
        }

        await host.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/v1/portal_login", world.ApiKey, new { other = 1 });
        await host.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/portal_login/", json: new { data = SeedData });
        await host.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/portal_login/", "jwt_forged.token.value", new { data = SeedData });
        await host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/portal_login", world.ApiKey, new { data = With("mac", "66:55:44:33:22:11") });

        // The object form of data, without the trailing slash.
        var created = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/portal_login", world.ApiKey, new { data = valid });
        Assert.Equal("guest@hotel.com", created.GetProperty("uid").GetString());
    }

    [Fact]
    public async Task A_burst_of_twenty_logins_with_one_uid_from_ten_devices_never_answers_500_makes_one_user_and_one_session_of_a_device_told_201()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        var devices = Enumerable.Range(1, 10).Select(i => ($"11:22:33:44:55:{i:X2}", $"192.168.1.{100 + i}")).ToList();
        foreach (var (mac, ip) in devices)
        {
            world.Router.State.AddHost(mac, ip);
        }

        var answers = await Task.WhenAll(devices.Concat(devices).Select(async device =>
        {
            var data = JsonSerializer.Serialize(new
            {
                uid = "burst@hotel.com", ap_mac = "aa:bb:cc:dd:ee:ff", mac = device.Item1, ip = device.Item2, original_url = "https://www.google.com",
                controller_address = "192.168.1.1", session_timeout = 3600, idle_timeout = 1800,
            });
            using var response = await world.Host.SendAsync(HttpMethod.Post, "/api/v1/portal_login/", world.ApiKey, new { data });
            return (Mac: device.Item1, response.StatusCode, Text: await response.Content.ReadAsStringAsync());
        }));
        await using var client = await world.Router.ConnectAsync();
        var online = await client.GetHotspotActiveAsync(null, default);
        var users = await client.GetHotspotUsersAsync(null, default);

        // The profile allows one session per user (RouterOS's default shared-users=1): the router refuses the others and
        // they are told so; a device told 201 may since have lost its place to a later login of the same uid.
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict, $"{(int)a.StatusCode} {a.Text}"));
        Assert.Single(users, u => u.Name.StartsWith("portal-", StringComparison.Ordinal));
        var session = Assert.Single(online);
        Assert.Contains(session.MacAddress?.ToUpperInvariant(), answers.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => a.Mac));
    }

    [Fact]
    public async Task A_router_that_does_not_answer_is_500_with_no_secret_and_the_session_is_not_stored()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, world.RouterPath, world.RootToken, new { password = "rotated-secret-8" });

        using var response = await world.Host.SendAsync(HttpMethod.Post, "/api/v1/portal_login/", world.ApiKey, new { data = SeedData });
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("rotated-secret-8", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TenancyHost.RootPassword, text, StringComparison.Ordinal);
        await world.Host.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, "/api/v1/portal_login/1", world.ApiKey);
    }
}
