using System.Net;
using System.Text.Json;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Portal;

namespace Hotspot.Tests.Hardening;

/// <summary>A portal login that answers 201 is on the guest lists, whatever the uid it carries (up to its 256 characters).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GuestRecordKeyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_long_non_ASCII_uid_is_recorded_as_a_guest()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        var host = world.Host;
        await ActionApiClient.Enable(host, world.RootToken, world.RouterId);
        world.Router.State.AddHost("11:22:33:44:55:66", "192.168.1.100");
        var uid = string.Concat(Enumerable.Repeat("Café ñandú 日本", 20))[..250];

        await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/portal_login/", world.ApiKey, new
        {
            data = JsonSerializer.Serialize(new { uid, ap_mac = "aa:bb:cc:dd:ee:ff", mac = "11:22:33:44:55:66", ip = "192.168.1.100" }),
        });
        var free = await ActionApiClient.GetAsync(host, $"api-key={Uri.EscapeDataString(world.ApiKey)}&action=get_free_users");

        Assert.Equal(HttpStatusCode.OK, free.Status);
        var guest = Assert.Single(free.Body.GetProperty("users").EnumerateArray());
        Assert.Equal(uid, guest.GetProperty("uid").GetString());
        Assert.Equal(1, guest.GetProperty("visits").GetInt32());
    }
}
