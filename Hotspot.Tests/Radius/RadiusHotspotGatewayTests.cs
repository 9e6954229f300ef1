using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Hotspot.Radius;
using Hotspot.Sales.Provisioning;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.RouterOs.Gateway;
using static Hotspot.Tests.Radius.RadiusHotspotRig;

namespace Hotspot.Tests.Radius;

/// <summary>
/// A guest on a RADIUS router, as it happens on the wire: the simulated hotspot's login page sends the Access-Request
/// through FreeRADIUS to the DevHost, honours the Access-Accept, and reports the session in accounting. The router's
/// API port is closed throughout: nothing connects to the router.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RadiusHotspotGatewayTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_purchase_logs_in_on_the_routers_page_gets_its_grant_and_its_use_is_accounted()
    {
        await using var rig = await RadiusHotspotRig.StartAsync(azurite);
        var order = rig.Server.Order(tiempoSegundos: 3600, subidaKbps: 1000, bajadaKbps: 4000);
        var password = await rig.Server.BuyAsync(order);

        var page = await rig.LoginAsync(order.Usuario, password);

        Assert.Equal("http-pap", RunningGateway.Element(page, "login-by"));
        var state = rig.Gateway.Router.State;
        Assert.Equal("true", state.SessionOf(Phone)!["radius"]);
        var grant = state.RadiusGrantOf(Phone)!;
        Assert.Equal(RadiusPolicy.MaxSessionTimeout, grant.SessionTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), grant.IdleTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), grant.InterimInterval);
        Assert.Equal("1000k/4000k", grant.RateLimit);
        Assert.Equal("5m", state.SessionOf(Phone)!["session-time-left"]);

        state.Clock.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(1, rig.Radius.SendInterimUpdates());
        Assert.Equal((120, 120 * 5_000), await rig.ServerUsageAsync(order.Usuario));

        state.Clock.Advance(TimeSpan.FromSeconds(30));
        await rig.Gateway.PageAsync(HttpMethod.Get, "/logout", Phone, PhoneIp);
        Assert.Equal((150, 150 * 5_000), await rig.ServerUsageAsync(order.Usuario));
        Assert.Null(state.SessionOf(Phone));
        Assert.Equal((1, 0, 0), (rig.Radius.Monitor.Accepts, rig.Radius.Monitor.Rejects, rig.Radius.Monitor.BadReplies));
        Assert.Empty(rig.Gateway.Router.Simulator.Sentences.All());
    }

    [Fact]
    public async Task A_chap_login_from_the_page_is_checked_by_freeradius_and_a_wrong_one_gets_the_routers_error()
    {
        await using var rig = await RadiusHotspotRig.StartAsync(azurite);
        var order = rig.Server.Order();
        var password = await rig.Server.BuyAsync(order);

        var wrong = await rig.LoginAsync(order.Usuario, RunningGateway.ChapResponse(await rig.LoginPageAsync(), password + "x"));
        var right = await rig.LoginAsync(order.Usuario, RunningGateway.ChapResponse(wrong, password));

        Assert.Equal("invalid username or password", RunningGateway.Element(wrong, "error"));
        Assert.Equal("http-chap", RunningGateway.Element(right, "login-by"));
        Assert.Equal((1, 1), (rig.Radius.Monitor.Accepts, rig.Radius.Monitor.Rejects));
    }

    [Fact]
    public async Task A_guest_with_nothing_left_sees_the_servers_reason_on_the_login_page()
    {
        await using var rig = await RadiusHotspotRig.StartAsync(azurite);
        var order = rig.Server.Order(tiempoSegundos: 240);
        var password = await rig.Server.BuyAsync(order);
        await rig.LoginAsync(order.Usuario, password);
        Assert.Equal("4m", rig.Gateway.Router.State.SessionOf(Phone)!["session-time-left"]);

        rig.Gateway.Router.State.Clock.Advance(TimeSpan.FromSeconds(220));
        await rig.Gateway.PageAsync(HttpMethod.Get, "/logout", Phone, PhoneIp);
        Assert.Equal(220, (await rig.ServerUsageAsync(order.Usuario)).Seconds);
        var refused = await rig.LoginAsync(order.Usuario, password);

        Assert.Equal(RadiusPolicy.NothingLeft, RunningGateway.Element(refused, "error"));
        Assert.Null(rig.Gateway.Router.State.SessionOf(Phone));
    }

    [Fact]
    public async Task Lost_requests_and_lost_answers_are_retransmitted_and_the_time_is_counted_once()
    {
        await using var rig = await RadiusHotspotRig.StartAsync(azurite, timeout: TimeSpan.FromMilliseconds(400));
        var firstSeen = new ConcurrentDictionary<string, bool>();
        rig.AuthRelay.DropRequest = (n, _) => n == 0;
        // Every Accounting-Response is lost once: the router sends each accounting request again, and FreeRADIUS and our route see it twice.
        rig.AcctRelay.RewriteReply = (_, bytes) => firstSeen.TryAdd(Convert.ToHexString(bytes, 0, 2), true) ? null : bytes;
        var order = rig.Server.Order();
        var password = await rig.Server.BuyAsync(order);

        await rig.LoginAsync(order.Usuario, password);
        rig.Gateway.Router.State.Clock.Advance(TimeSpan.FromSeconds(90));
        rig.Radius.SendInterimUpdates();
        await rig.Radius.DrainAccountingAsync(CancellationToken.None);
        rig.Gateway.Router.State.Clock.Advance(TimeSpan.FromSeconds(60));
        await rig.Gateway.PageAsync(HttpMethod.Get, "/logout", Phone, PhoneIp);

        Assert.Equal(150, (await rig.ServerUsageAsync(order.Usuario)).Seconds);
        Assert.True(rig.Radius.Monitor.Resends >= 4, $"resends: {rig.Radius.Monitor.Resends}");
        Assert.Equal((1, 0L), (rig.Radius.Monitor.Accepts, rig.Radius.Monitor.Timeouts));
    }

    [Fact]
    public async Task From_RouterOS_7_15_an_unsigned_answer_is_dropped_and_an_older_router_accepts_it()
    {
        await using var strict = await RadiusHotspotRig.StartAsync(azurite, version: "7.16.1 (stable)", timeout: TimeSpan.FromMilliseconds(300));
        await using var older = await RadiusHotspotRig.StartAsync(azurite, version: "6.49.10 (long-term)", timeout: TimeSpan.FromMilliseconds(300));
        foreach (var rig in new[] { strict, older })
        {
            StripMessageAuthenticator(rig.AuthRelay);
        }

        var strictOrder = strict.Server.Order();
        var olderOrder = older.Server.Order();
        var dropped = await strict.LoginAsync(strictOrder.Usuario, await strict.Server.BuyAsync(strictOrder));
        var accepted = await older.LoginAsync(olderOrder.Usuario, await older.Server.BuyAsync(olderOrder));

        Assert.Equal("RADIUS server is not responding", RunningGateway.Element(dropped, "error"));
        Assert.True(strict.Radius.Monitor.BadReplies >= 1);
        Assert.Null(strict.Gateway.Router.State.SessionOf(Phone));
        Assert.Equal("http-pap", RunningGateway.Element(accepted, "login-by"));
    }

    [Fact]
    public async Task The_mac_cookie_logs_a_returning_device_in_through_radius_until_a_refund_rejects_it()
    {
        await using var rig = await RadiusHotspotRig.StartAsync(azurite);
        var order = rig.Server.Order();
        var password = await rig.Server.BuyAsync(order);
        await rig.LoginAsync(order.Usuario, password);
        var state = rig.Gateway.Router.State;

        state.AddHost(Phone, PhoneIp);
        var back = await rig.Gateway.PageAsync(HttpMethod.Get, "/status", Phone, PhoneIp);
        Assert.Equal(order.Usuario, RunningGateway.Element(back, "user"));
        Assert.Equal("mac-cookie", state.SessionOf(Phone)!["login-by"]);

        Assert.Equal(ProvisioningStatus.Done, (await rig.Server.Provisioner.RevokeAsync(order, CancellationToken.None)).Status);
        state.AddHost(Phone, PhoneIp);
        await rig.Gateway.SendAsync(HttpMethod.Get, "/status", Phone, PhoneIp);

        Assert.Null(state.SessionOf(Phone));
        Assert.Equal((2, 1), (rig.Radius.Monitor.Accepts, rig.Radius.Monitor.Rejects));
    }

    /// <summary>What a server without the BlastRADIUS fix answers: no Message-Authenticator, a valid Response Authenticator.</summary>
    private static void StripMessageAuthenticator(UdpRelay relay)
    {
        var requests = new ConcurrentDictionary<byte, byte[]>();
        relay.DropRequest = (_, bytes) =>
        {
            requests[bytes[1]] = bytes[4..20];
            return false;
        };
        relay.RewriteReply = (_, bytes) =>
        {
            var attributes = new List<byte>();
            for (var offset = 20; offset < bytes.Length; offset += bytes[offset + 1])
            {
                if (bytes[offset] != 80)
                {
                    attributes.AddRange(bytes.AsSpan(offset, bytes[offset + 1]).ToArray());
                }
            }

            var reply = new byte[20 + attributes.Count];
            reply[0] = bytes[0];
            reply[1] = bytes[1];
            BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(2), (ushort)reply.Length);
            requests[bytes[1]].CopyTo(reply, 4);
            attributes.CopyTo(reply, 20);
#pragma warning disable CA5351 // RFC 2865's Response Authenticator is MD5.
            MD5.HashData([.. reply, .. Encoding.UTF8.GetBytes(RadiusRig.UdpSecret)]).CopyTo(reply, 4);
#pragma warning restore CA5351
            return reply;
        };
    }
}
