using System.Net;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Portal;

/// <summary>Seed 002's action API on a MikroTik router (the RouterOS simulator over TCP), through the DevHost.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActionApiMikrotikTests(AzuriteFixture azurite)
{
    internal static readonly string[] CreatedUserFields = ["id", "username", "passcode", "fullname", "valid_for", "valid_from", "download_limit", "upload_limit"];
    internal static readonly string[] VoucherUserFields =
        ["id", "username", "password", "fullname", "created_at", "last_modified", "first_login", "last_login", "valid_for", "valid_from", "MAC", "download_limit", "upload_limit"];
    internal static readonly string[] ActiveGuestFields = ["logins", "address", "mac-address", "uptime", "idle-time", "bytes-out", "bytes-in"];

    [Fact]
    public async Task The_switches_and_a_deactivated_router_answer_with_the_seed_messages_and_statuses()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        var host = world.Host;
        var key = Uri.EscapeDataString(world.ApiKey);

        var off = await ActionApiClient.GetAsync(host, $"api-key={key}&action=get_voucher_users");
        await ActionApiClient.Enable(host, world.RootToken, world.RouterId, get: false);
        var getOff = await ActionApiClient.GetAsync(host, $"api-key={key}&action=get_voucher_users");
        var postOn = await ActionApiClient.PostAsync(host, new Dictionary<string, object> { ["api-key"] = world.ApiKey, ["action"] = "get_voucher_users" }, "/api");
        await ActionApiClient.Enable(host, world.RootToken, world.RouterId, post: false);
        var postOff = await ActionApiClient.PostAsync(host, new Dictionary<string, object> { ["api-key"] = world.ApiKey, ["action"] = "get_voucher_users" });
        var noKey = await ActionApiClient.GetAsync(host, "action=get_voucher_users");
        var wrongKey = await ActionApiClient.GetAsync(host, "api-key=jwt_not.a.key&action=get_voucher_users");
        await ActionApiClient.Enable(host, world.RootToken, world.RouterId);
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, world.RouterPath, world.RootToken, new { activo = false });
        var deactivated = await ActionApiClient.GetAsync(host, $"api-key={key}&action=get_voucher_users");
        using var portal = await host.SendAsync(HttpMethod.Post, "/api/v1/portal_login/", world.ApiKey, new { data = PortalLoginMikrotikTests.SeedData });

        Assert.Equal((HttpStatusCode.Forbidden, "API is not enabled"), (off.Status, off.Body.GetProperty("message").GetString()));
        Assert.Equal((HttpStatusCode.Forbidden, "API Key not set or method not allowed"), (getOff.Status, getOff.Body.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.OK, postOn.Status);
        Assert.Equal((HttpStatusCode.Forbidden, "API Key not set or method not allowed"), (postOff.Status, postOff.Body.GetProperty("message").GetString()));
        Assert.Equal((HttpStatusCode.Unauthorized, "API Key not set or method not allowed"), (noKey.Status, noKey.Body.GetProperty("message").GetString()));
        Assert.Equal((HttpStatusCode.Unauthorized, "API Key is incorrect"), (wrongKey.Status, wrongKey.Body.GetProperty("message").GetString()));
        Assert.True(off.Body.GetProperty("error").GetBoolean());
        Assert.Equal((HttpStatusCode.Forbidden, "API is not enabled"), (deactivated.Status, deactivated.Body.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, portal.StatusCode);
    }

    [Fact]
    public async Task The_seed_examples_create_list_and_remove_a_voucher_on_the_router_by_POST_and_GET()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        var host = world.Host;
        await ActionApiClient.Enable(host, world.RootToken, world.RouterId);
        await using var client = await world.Router.ConnectAsync();
        var key = Uri.EscapeDataString(world.ApiKey);

        var created = await ActionApiClient.PostAsync(host, new Dictionary<string, object>
        {
            ["api-key"] = world.ApiKey, ["action"] = "create_voucher", ["username"] = "user123", ["passcode"] = "pass123", ["fullname"] = "John Doe",
            ["valid_for"] = "1 day", ["valid_from"] = "2025-01-17 10:00:00", ["download_limit"] = 1024, ["upload_limit"] = 512,
        });
        var byGet = await ActionApiClient.GetAsync(host,
            $"api-key={key}&action=create_voucher&username=user1234&passcode=pass1234&fullname=John%20Doe2&valid_for=5%20days&valid_from=2099-01-18%2010:00:00");
        var duplicate = await ActionApiClient.GetAsync(host, $"api-key={key}&action=create_voucher&username=user123");
        var badValidFor = await ActionApiClient.GetAsync(host, $"api-key={key}&action=create_voucher&valid_for=3%20weeks");
        var onRouter = await client.GetHotspotUsersAsync(null, default);
        var raw = await client.SendAsync(RouterOsCommand.Print(MikrotikMenus.HotspotUsers, RouterOsQuery.Create().Equal("name", "user123")), default);
        var list = await ActionApiClient.GetAsync(host, $"api-key={key}&action=get_voucher_users");
        var removed = await ActionApiClient.GetAsync(host, $"api-key={key}&action=remove_voucher&username=user123");
        var again = await ActionApiClient.PostAsync(host, new Dictionary<string, object> { ["api-key"] = world.ApiKey, ["action"] = "remove_voucher", ["username"] = "user123" });
        var noName = await ActionApiClient.GetAsync(host, $"api-key={key}&action=remove_voucher");
        var afterRemoval = await client.GetHotspotUsersAsync(null, default);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(["message", "user", "error"], ActionApiClient.Names(created.Body));
        Assert.Equal("User added successfully", created.Body.GetProperty("message").GetString());
        Assert.False(created.Body.GetProperty("error").GetBoolean());
        var user = created.Body.GetProperty("user");
        Assert.Equal(CreatedUserFields, ActionApiClient.Names(user));
        Assert.Equal(JsonValueKind.Number, user.GetProperty("id").ValueKind);
        Assert.Equal(("user123", "pass123", "John Doe", "1 day", "2025-01-17 10:00:00", "1024", "512"), (
            user.GetProperty("username").GetString(), user.GetProperty("passcode").GetString(), user.GetProperty("fullname").GetString(),
            user.GetProperty("valid_for").GetString(), user.GetProperty("valid_from").GetString(),
            user.GetProperty("download_limit").GetString(), user.GetProperty("upload_limit").GetString()));
        Assert.Equal(HttpStatusCode.OK, byGet.Status);
        Assert.Equal((HttpStatusCode.Conflict, "Username already exists"), (duplicate.Status, duplicate.Body.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badValidFor.Status);
        Assert.Contains("'365 days'", badValidFor.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Download is what the router sends the guest (bytes-out); the future voucher waits disabled.
        var row = Assert.Single(raw.Rows);
        Assert.Equal((1024L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), row["limit-bytes-out"]);
        Assert.Equal((512L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), row["limit-bytes-in"]);
        Assert.False(onRouter.Single(u => u.Name == "user123").Disabled);
        Assert.True(onRouter.Single(u => u.Name == "user1234").Disabled);

        Assert.Equal(HttpStatusCode.OK, list.Status);
        var users = list.Body.GetProperty("users").EnumerateArray().ToList();
        Assert.Equal(["user123", "user1234"], users.Select(u => u.GetProperty("username").GetString()));
        Assert.Equal(VoucherUserFields, ActionApiClient.Names(users[1]));
        Assert.Equal(JsonValueKind.Null, users[1].GetProperty("first_login").ValueKind);
        Assert.Equal(0, users[1].GetProperty("download_limit").GetInt64());
        Assert.Equal(1024, users[0].GetProperty("download_limit").GetInt64());

        Assert.Equal(["message", "error"], ActionApiClient.Names(removed.Body));
        Assert.Equal((HttpStatusCode.OK, "User removed successfully"), (removed.Status, removed.Body.GetProperty("message").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "Username doesn't exist"), (again.Status, again.Body.GetProperty("message").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "No username set"), (noName.Status, noName.Body.GetProperty("message").GetString()));
        Assert.DoesNotContain(afterRemoval, u => u.Name == "user123");
    }

    [Fact]
    public async Task Portal_logins_fill_the_guest_lists_the_login_log_and_the_live_lists()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        var host = world.Host;
        await ActionApiClient.Enable(host, world.RootToken, world.RouterId);
        world.Router.State.AddHost("11:22:33:44:55:66", "192.168.1.100");
        world.Router.State.AddHost("98:01:a7:cb:bb:00", "192.168.1.101");
        await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/portal_login/", world.ApiKey, new { data = PortalLoginMikrotikTests.SeedData });
        await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/portal_login/", world.ApiKey, new
        {
            data = JsonSerializer.Serialize(new { uid = "+1 555 987 6543", ap_mac = "aa:bb:cc:dd:ee:ff", mac = "98:01:a7:cb:bb:00", ip = "192.168.1.101" }),
        });
        world.Router.Simulator.Clock.Advance(TimeSpan.FromMinutes(5));
        var key = Uri.EscapeDataString(world.ApiKey);

        var email = await ActionApiClient.GetAsync(host, $"api-key={key}&action=get_email_users");
        var mobile = await ActionApiClient.GetAsync(host, $"api-key={key}&action=get_mobile_users");
        var free = await ActionApiClient.GetAsync(host, $"api-key={key}&action=get_free_users");
        var logins = await ActionApiClient.GetAsync(host, $"api-key={key}&action=get_logins");
        var active = await ActionApiClient.PostAsync(host, new Dictionary<string, object> { ["api-key"] = world.ApiKey, ["action"] = "get_active_guests", ["limit"] = 1 });
        var hosts = await ActionApiClient.GetAsync(host, $"api-key={key}&action=get_guest_hosts");

        var guest = Assert.Single(email.Body.GetProperty("users").EnumerateArray());
        Assert.Equal(["id", "email", "created_at", "last_login", "MAC", "visits", "comments", "comments1", "comments2", "last_modified", "marketing", "verified"],
            ActionApiClient.Names(guest));
        Assert.Equal(("guest@hotel.com", "11:22:33:44:55:66", 1), (guest.GetProperty("email").GetString(), guest.GetProperty("MAC").GetString()!.ToLowerInvariant(), guest.GetProperty("visits").GetInt32()));
        Assert.Equal("+15559876543", Assert.Single(mobile.Body.GetProperty("users").EnumerateArray()).GetProperty("mobile").GetString());
        Assert.Empty(free.Body.GetProperty("users").EnumerateArray());
        Assert.Equal(["+1 555 987 6543", "guest@hotel.com"], logins.Body.GetProperty("users").EnumerateArray().Select(l => l.GetProperty("username").GetString()));
        var session = Assert.Single(active.Body.GetProperty("data").EnumerateArray());
        Assert.Equal(ActiveGuestFields, ActionApiClient.Names(session));
        Assert.Equal("5m", session.GetProperty("uptime").GetString());
        Assert.Equal(JsonValueKind.String, session.GetProperty("bytes-out").ValueKind);
        Assert.Equal(2, hosts.Body.GetProperty("data").GetArrayLength());
    }
}
