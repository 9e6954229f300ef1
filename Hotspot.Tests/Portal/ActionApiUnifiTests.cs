using System.Net;
using Hotspot.Drivers;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Portal;

/// <summary>Seed 002's action API on a UniFi router: vouchers held by us, live lists from the controller.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActionApiUnifiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_seed_examples_work_on_a_UniFi_router_by_POST_and_GET()
    {
        await using var world = await UnifiWorld.StartAsync(azurite);
        var (host, apiKey) = (world.Host, world.ApiKey);
        await ActionApiClient.Enable(host, world.RootToken, world.RouterId);
        world.Simulator.State.Join(MacAddress.Parse("11:22:33:44:55:66"), "default");
        await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/portal_login/", apiKey, new { data = PortalLoginMikrotikTests.SeedData });
        var key = Uri.EscapeDataString(apiKey);

        var created = await ActionApiClient.PostAsync(host, new Dictionary<string, object>
        {
            ["api-key"] = apiKey, ["action"] = "create_voucher", ["username"] = "user123", ["passcode"] = "pass123", ["fullname"] = "John Doe",
            ["valid_for"] = "1 day", ["valid_from"] = "2025-01-17 10:00:00", ["download_limit"] = 1024, ["upload_limit"] = 512,
        });
        var list = await ActionApiClient.GetAsync(host, $"api-key={key}&action=get_voucher_users");
        var email = await ActionApiClient.GetAsync(host, $"api-key={key}&action=get_email_users");
        var active = await ActionApiClient.GetAsync(host, $"api-key={key}&action=get_active_guests");
        var removed = await ActionApiClient.GetAsync(host, $"api-key={key}&action=remove_voucher&username=user123");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(ActionApiMikrotikTests.CreatedUserFields, ActionApiClient.Names(created.Body.GetProperty("user")));
        Assert.Equal(ActionApiMikrotikTests.VoucherUserFields, ActionApiClient.Names(Assert.Single(list.Body.GetProperty("users").EnumerateArray())));
        Assert.Equal("guest@hotel.com", Assert.Single(email.Body.GetProperty("users").EnumerateArray()).GetProperty("email").GetString());
        var session = Assert.Single(active.Body.GetProperty("data").EnumerateArray());
        Assert.Equal(ActionApiMikrotikTests.ActiveGuestFields, ActionApiClient.Names(session));
        Assert.Equal("11:22:33:44:55:66", session.GetProperty("mac-address").GetString());
        Assert.Equal((HttpStatusCode.OK, "User removed successfully"), (removed.Status, removed.Body.GetProperty("message").GetString()));
    }
}
