using Hotspot.Testing;
using System.Net;
using System.Net.Http.Json;
using Hotspot.Radius;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Sales.Purchases;

namespace Hotspot.Tests.Radius;

/// <summary>A guest buys an hour on a RADIUS router (payment simulator), logs in through FreeRADIUS, and a refund ends it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RadiusPurchaseTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_paid_purchase_logs_in_through_freeradius_without_any_router_connection_and_a_refund_rejects_the_next_login()
    {
        await using var world = await SalesWorld.StartAsync(azurite, settings: new() { ["Hotspot:Radius:RestSecret"] = RadiusRig.RestSecret }, radius: true);
        await using var radius = await RunningFreeRadius.StartAsync(world.Host.Host.Client.BaseAddress!, RadiusRig.RestSecret, RadiusRig.UdpSecret);

        var compra = await world.BuyAsync();
        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        var receipt = (await world.PollAsync(compra)).GetProperty("usuario_hotspot");
        var (usuario, password) = (receipt.GetProperty("usuario").GetString()!, receipt.GetProperty("contrasena").GetString()!);
        var login = $"User-Name = \"{usuario}\"\nCHAP-Password = \"{password}\"\nNAS-Identifier = \"{world.RadiusNasIdentifier}\"\nMessage-Authenticator = 0x00\n";

        var accepted = await Radclient.SendAsync(radius.AuthPort, "auth", RadiusRig.UdpSecret, login);

        Assert.Equal("Access-Accept", accepted?.Code);
        Assert.Equal("300", accepted!.Attributes["Session-Timeout"]);
        Assert.Equal(SalesWorld.Profile, accepted.Attributes["Mikrotik-Group"]);
        Assert.Empty(world.Router.Simulator.Sentences.All());

        using var refund = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/compras/{compra.Id}/reembolso") { Content = JsonContent.Create(new { motivo = "prueba" }) };
        refund.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", world.RootToken);
        using var refunded = await world.Host.Host.Client.SendAsync(refund);
        Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        await world.RunTimerAsync();

        var rejected = await Radclient.SendAsync(radius.AuthPort, "auth", RadiusRig.UdpSecret, login);
        Assert.Equal("Access-Reject", rejected?.Code);
        Assert.Equal(RadiusPolicy.Revoked, rejected!.Attributes["Reply-Message"]);
        Assert.Empty(world.Router.Simulator.Sentences.All());
    }
}
