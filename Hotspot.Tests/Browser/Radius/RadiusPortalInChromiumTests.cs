using System.Net;
using System.Net.Sockets;
using Hotspot.Radius;
using Hotspot.Tests.Browser.MikrotikPortal;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Browser.Radius;

/// <summary>
/// The acceptance of a RADIUS router in real headless Chromium: a guest buys an hour through the payment simulator,
/// logs in through the router's own page and is online; the same phone with another randomized MAC takes the time
/// over; a refund ends the access within the stated bound (<see cref="RadiusPolicy.MaxSessionTimeout"/>). The router's
/// API port is closed throughout and nothing ever talks to it. Screenshots go to TestResults/screenshots (radius-*.png).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RadiusPortalInChromiumTests(AzuriteFixture azurite)
{
    [ChromiumFact]
    public async Task A_guest_buys_an_hour_is_online_a_second_randomized_mac_takes_it_over_and_a_refund_ends_it_within_the_bound()
    {
        await using var stage = await RadiusPortalStage.StartAsync(azurite);
        var (phone, phoneAgain) = (PortalStage.RandomMac(), PortalStage.RandomMac());
        await stage.ForgetEverythingAsync();
        stage.Device(phone, "10.5.50.31");

        // Buys an hour on the payment simulator's checkout page and connects from the receipt.
        await stage.BrowseAsync();
        await stage.StateAsync("catalog");
        await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.querySelector('#products .buy').click()"));
        await stage.Browser.EvaluateAsync("document.querySelector('button[value=approve]').click()");
        await stage.ArrivedAtAsync(RadiusPortalStage.Origin);
        await stage.StateAsync("receipt");
        var usuario = await stage.TextAsync("credential-user");
        await stage.ScreenshotAsync("radius-receipt");
        await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.getElementById('purchase-connect').click()"));
        await stage.StateAsync("online");
        await stage.ScreenshotAsync("radius-online");
        Assert.Equal(RadiusPortalStage.Internet, await stage.ArrivedAtAsync(RadiusPortalStage.Internet));
        var first = stage.SessionOf(phone);
        Assert.NotNull(first);
        Assert.Equal((usuario + "_RANDMAC1", "true"), (first["user"], first["radius"]));

        // Two minutes later the phone joins again with another randomized MAC: the portal takes the time over.
        stage.Router.Simulator.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, stage.RadiusClient.SendInterimUpdates());
        await stage.RadiusClient.DrainAccountingAsync(CancellationToken.None);
        stage.Host.Clock.Advance(TimeSpan.FromSeconds(1));
        stage.Device(phoneAgain, "10.5.50.32");
        await stage.BrowseAsync();
        Assert.Equal(RadiusPortalStage.Internet, await stage.ArrivedAtAsync(RadiusPortalStage.Internet));
        await stage.Browser.NavigateAsync(new Uri(RadiusPortalStage.Origin + "/status"));
        await stage.ScreenshotAsync("radius-takeover");
        var second = stage.SessionOf(phoneAgain);
        Assert.NotNull(second);
        Assert.Equal(usuario + "_RANDMAC2", second["user"]);
        Assert.Equal(usuario + "_RANDMAC2", await stage.TextAsync("status-user"));

        // No CoA reaches a router behind NAT: the first MAC keeps its grant until its Session-Timeout, then is refused.
        Assert.NotNull(stage.SessionOf(phone));
        stage.Router.Simulator.Clock.Advance(RadiusPolicy.MaxSessionTimeout - TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await stage.DeviceAsksAsync(phone, "10.5.50.31");
        Assert.Null(stage.SessionOf(phone));
        Assert.NotNull(stage.SessionOf(phoneAgain));
        Assert.Equal(1, stage.RadiusClient.Monitor.Rejects);

        // A full refund: the session ends at the latest when its grant does, and the next login is refused.
        var compras = await stage.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/compras", stage.RootToken);
        var compraId = compras.GetProperty("items")[0].GetProperty("id_compra").GetString();
        await stage.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/admin/compras/{compraId}/reembolso", stage.RootToken, new { motivo = "prueba" });
        Assert.NotNull(stage.SessionOf(phoneAgain));
        stage.Router.Simulator.Clock.Advance(RadiusPolicy.MaxSessionTimeout);
        await stage.DeviceAsksAsync(phoneAgain, "10.5.50.32");
        Assert.Null(stage.SessionOf(phoneAgain));
        Assert.Equal(2, stage.RadiusClient.Monitor.Rejects);
        await stage.BrowseAsync();
        await stage.StateAsync("catalog");
        await stage.ScreenshotAsync("radius-refunded");
        Assert.Null(stage.SessionOf(phoneAgain));

        // Nothing ever connected to the router: its settings name no address, its API port refuses, it heard no sentence.
        var router = await stage.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{stage.RouterId}", stage.RootToken);
        Assert.True(!router.TryGetProperty("host", out var host) || host.ValueKind == System.Text.Json.JsonValueKind.Null, router.ToString());
        Assert.Empty(stage.Router.Simulator.Sentences.All());
        Assert.Equal(0, stage.Router.Simulator.OpenConnections);
        using var probe = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, stage.Router.Simulator.ApiPort));
    }
}
