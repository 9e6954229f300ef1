using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotspot.Radius;
using Hotspot.Tests.Infrastructure;
using static Hotspot.Tests.Radius.RadiusRig;

namespace Hotspot.Tests.Radius;

/// <summary>
/// Seed 000's families on a RADIUS router (the randomized MACs of one guest share its time), decided by us at every
/// Access-Request and accounting update, through real FreeRADIUS: one device at a time, the time shared and never passed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RadiusFamilyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_second_mac_with_the_purchase_is_refused_while_the_first_is_online_and_takes_over_once_it_stopped()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order();
        var password = await rig.BuyAsync(order);
        Assert.Equal("Access-Accept", (await rig.LoginAsync(order.Usuario, password, mac: Phone))?.Code);
        await rig.AccountAsync(order.Usuario, "Start", "81a00100", mac: Phone);

        var whileOnline = await rig.LoginAsync(order.Usuario, password, mac: PhoneAgain);
        Assert.Equal("Access-Reject", whileOnline?.Code);
        Assert.Equal(RadiusPolicy.OtherDevice, whileOnline!.Attributes["Reply-Message"]);

        await rig.AccountAsync(order.Usuario, "Stop", "81a00100", seconds: 100, mac: Phone);
        var takesOver = await rig.LoginAsync(order.Usuario, password, mac: PhoneAgain);
        Assert.Equal("Access-Accept", takesOver?.Code);
        await rig.AccountAsync(order.Usuario, "Start", "81a00101", mac: PhoneAgain);

        var first = await rig.LoginAsync(order.Usuario, password, mac: Phone);
        Assert.Equal("Access-Reject", first?.Code);
        Assert.Equal(RadiusPolicy.OtherDevice, first!.Attributes["Reply-Message"]);
    }

    [Fact]
    public async Task The_devices_of_one_guest_share_its_time_and_never_get_more_than_is_left()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order(tiempoSegundos: 400);
        var password = await rig.BuyAsync(order);

        Assert.Equal("300", (await rig.LoginAsync(order.Usuario, password, mac: Phone))?.Attributes["Session-Timeout"]);
        await rig.AccountAsync(order.Usuario, "Stop", "81a00110", seconds: 250, mac: Phone);
        Assert.Equal("150", (await rig.LoginAsync(order.Usuario, password, mac: PhoneAgain))?.Attributes["Session-Timeout"]);
        await rig.AccountAsync(order.Usuario, "Stop", "81a00111", seconds: 140, mac: PhoneAgain);

        var spent = await rig.LoginAsync(order.Usuario, password, mac: Phone);
        Assert.Equal("Access-Reject", spent?.Code);
        Assert.Equal(RadiusPolicy.NothingLeft, spent!.Attributes["Reply-Message"]);
    }

    [Fact]
    public async Task Two_devices_logging_in_at_the_same_moment_on_two_instances_get_at_most_one_accept()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var orders = Enumerable.Range(0, 4).Select(_ => rig.Order()).ToList();
        var passwords = new List<string>();
        foreach (var order in orders)
        {
            passwords.Add(await rig.BuyAsync(order));
        }

        await using var second = await rig.StartSecondInstanceAsync();
        for (var i = 0; i < orders.Count; i++)
        {
            var answers = await Task.WhenAll(
                AuthorizeAsync(rig.Host.Client, rig, orders[i].Usuario, passwords[i], Phone),
                AuthorizeAsync(second.Client, rig, orders[i].Usuario, passwords[i], PhoneAgain));

            Assert.Single(answers, a => a["control:Auth-Type"] is null);
            Assert.Single(answers, a => a["reply:Reply-Message"]?["value"]?.GetValue<string>() == RadiusPolicy.OtherDevice);
        }
    }

    [Fact]
    public async Task A_lost_stop_closes_the_session_once_two_interim_updates_and_thirty_seconds_pass_in_silence()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order();
        var password = await rig.BuyAsync(order);
        Assert.Equal("Access-Accept", (await rig.LoginAsync(order.Usuario, password, mac: Phone))?.Code);
        await rig.AccountAsync(order.Usuario, "Start", "81a00120", mac: Phone);
        rig.Clock.Advance(RadiusPolicy.InterimInterval);
        await rig.AccountAsync(order.Usuario, "Interim-Update", "81a00120", seconds: 60, mac: Phone);

        // Then nothing: the phone left and its Stop was lost.
        rig.Clock.Advance(RadiusPolicy.LostStopBound - TimeSpan.FromSeconds(5));
        var stillOpen = await rig.LoginAsync(order.Usuario, password, mac: PhoneAgain);
        Assert.Equal("Access-Reject", stillOpen?.Code);
        Assert.Equal(RadiusPolicy.OtherDevice, stillOpen!.Attributes["Reply-Message"]);

        rig.Clock.Advance(TimeSpan.FromSeconds(5));
        var closed = await rig.LoginAsync(order.Usuario, password, mac: PhoneAgain);
        Assert.Equal("Access-Accept", closed?.Code);
        Assert.Equal(TimeSpan.FromSeconds(150), RadiusPolicy.LostStopBound);
        Assert.Equal((60, 0), await rig.Store.UsageAsync(rig.RouterId, order.Usuario, default));
    }

    /// <summary>What FreeRADIUS's rlm_rest posts for a PAP Access-Request, straight to one instance's route.</summary>
    private static async Task<JsonObject> AuthorizeAsync(HttpClient client, RadiusRig rig, string usuario, string password, string mac)
    {
        static JsonObject Value(string type, string value) => new() { ["type"] = type, ["value"] = new JsonArray(value) };
        var body = new JsonObject
        {
            ["User-Name"] = Value("string", usuario),
            ["User-Password"] = Value("string", password),
            ["NAS-Identifier"] = Value("string", rig.NasIdentifier),
            ["Calling-Station-Id"] = Value("string", mac),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/radius/authorize")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(RadiusRestSecret.Header, RestSecret);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }
}
