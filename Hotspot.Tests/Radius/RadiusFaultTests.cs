using Hotspot.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Radius;

/// <summary>The rlm_rest routes' own authentication, and FreeRADIUS refusing guests when our API cannot answer.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RadiusFaultTests(AzuriteFixture azurite)
{
    private const string Body = """{"User-Name":{"type":"string","value":["abc"]},"NAS-Identifier":{"type":"string","value":["hs1-x"]}}""";

    [Theory]
    [InlineData("/api/v1/radius/authorize", null)]
    [InlineData("/api/v1/radius/authorize", "not-the-secret")]
    [InlineData("/api/v1/radius/accounting", null)]
    public async Task An_rlm_rest_call_without_the_deployment_secret_is_401(string path, string? secret)
    {
        await using var host = await RunningDevHost.StartAsync(azurite, new Dictionary<string, string?> { ["Hotspot:Radius:RestSecret"] = RadiusRig.RestSecret });
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-Hotspot-Radius-Secret", secret);
        }

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_secret_every_rlm_rest_call_is_401()
    {
        await using var host = await RunningDevHost.StartAsync(azurite);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/radius/authorize") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hotspot-Radius-Secret", "");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Our_api_down_or_stalled_gets_access_reject_within_the_routers_timeout()
    {
        // Down: nothing listens on the port. Stalled: a listener that accepts and never answers.
        using var stalled = new TcpListener(IPAddress.Loopback, 0);
        stalled.Start();
        var closedPort = ClosedPort();
        foreach (var api in new[] { new Uri($"http://127.0.0.1:{closedPort}"), new Uri($"http://127.0.0.1:{((IPEndPoint)stalled.LocalEndpoint).Port}") })
        {
            await using var radius = await RunningFreeRadius.StartAsync(api, RadiusRig.RestSecret, RadiusRig.UdpSecret);
            var clock = Stopwatch.StartNew();

            var reply = await Radclient.SendAsync(radius.AuthPort, "auth", RadiusRig.UdpSecret,
                "User-Name = \"abc\"\nUser-Password = \"pw\"\nNAS-Identifier = \"hs1-x\"\nMessage-Authenticator = 0x00\n", timeoutSeconds: 5);

            Assert.Equal("Access-Reject", reply?.Code);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"{api}: answered after {clock.Elapsed}");

            // Accounting that could not be stored is not acknowledged: the router sends it again later.
            Assert.Null(await Radclient.SendAsync(radius.AcctPort, "acct", RadiusRig.UdpSecret,
                "Acct-Status-Type = Stop\nAcct-Session-Id = \"81a00030\"\nUser-Name = \"abc\"\nNAS-Identifier = \"hs1-x\"\nAcct-Session-Time = 60\n", timeoutSeconds: 3));
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
