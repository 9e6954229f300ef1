using System.Net;
using System.Net.Http.Json;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Sales.Purchases;

namespace Hotspot.Tests.Kinds.Access;

/// <summary>
/// What every router kind promises a buyer and an operator, run against each kind's own simulator over the wire: a
/// paid purchase gives the buyer's device access exactly once however often the provider repeats itself, an unpaid
/// one gives nothing, a refund takes the access back, and the router's secret never comes back out. One subclass per
/// kind (MikroTik over its API, MikroTik over RADIUS, UniFi local, UniFi through the Site Manager connector).
/// </summary>
public abstract class KindAccessContract(AzuriteFixture azurite)
{
    private const string Buyer = "5C:E9:1E:42:7A:10";

    internal abstract Task<RouterUnderTest> CreateRouterAsync();

    [Fact]
    public async Task A_paid_purchase_gives_the_buyer_access_once_however_often_the_provider_repeats_and_a_refund_takes_it_back()
    {
        await using var router = await CreateRouterAsync();
        await using var world = await StartAsync(router);
        await router.JoinAsync(world, Buyer);
        await world.ControlAsync("/faults", new { target = "webhook", mode = "duplicate", count = 4 });

        var compra = await world.BuyAsync(mac: Buyer);
        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        var receipt = (await world.PollAsync(compra)).GetProperty("usuario_hotspot");
        var (usuario, contrasena) = (receipt.GetProperty("usuario").GetString()!, receipt.GetProperty("contrasena").GetString()!);
        await world.RunTimerAsync();

        Assert.True(await router.HasAccessAsync(world, Buyer, usuario, contrasena));
        Assert.True(router.GrantsSentToRouter(world) <= 1, $"{router.GrantsSentToRouter(world)} grants for one purchase");

        using var refund = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/compras/{compra.Id}/reembolso") { Content = JsonContent.Create(new { motivo = "contrato" }) };
        refund.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", world.RootToken);
        using var refunded = await world.Host.Host.Client.SendAsync(refund);
        Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        await world.RunTimerAsync();

        Assert.False(await router.HasAccessAsync(world, Buyer, usuario, contrasena));
    }

    [Fact]
    public async Task A_rejected_payment_gives_no_access_and_sends_nothing_to_the_router()
    {
        await using var router = await CreateRouterAsync();
        await using var world = await StartAsync(router);
        await router.JoinAsync(world, Buyer);
        var grantsBefore = router.GrantsSentToRouter(world);

        var compra = await world.BuyAsync(mac: Buyer);
        await world.PayAsync(compra, "reject");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Rechazada);
        await world.RunTimerAsync();

        var body = await world.PollAsync(compra);
        Assert.False(body.TryGetProperty("usuario_hotspot", out var receipt) && receipt.ValueKind == System.Text.Json.JsonValueKind.Object);
        Assert.Equal(grantsBefore, router.GrantsSentToRouter(world));
        Assert.False(await router.HasAccessAsync(world, Buyer, "nadie", "nada"));
    }

    [Fact]
    public async Task The_router_secret_is_never_answered_nor_logged()
    {
        await using var router = await CreateRouterAsync();
        await using var world = await StartAsync(router);

        var shown = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{world.RouterId}", world.RootToken);
        var listed = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/empresas/{world.EmpresaId}/routers", world.RootToken);

        foreach (var secret in router.Secrets)
        {
            Assert.DoesNotContain(secret, shown.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, string.Join("\n", world.Logs.Lines), StringComparison.Ordinal);
        }
    }

    /// <summary>A kind the cloud cannot reach is never connected to, whatever a purchase does.</summary>
    [Fact]
    public async Task A_router_behind_NAT_is_never_contacted_and_one_we_reach_is()
    {
        await using var router = await CreateRouterAsync();
        await using var world = await StartAsync(router);
        await router.JoinAsync(world, Buyer);

        var compra = await world.BuyAsync(mac: Buyer);
        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);

        var kind = Hotspot.Kinds.RouterKindRegistry.All.Single(k => k.Name == KindName);
        Assert.Equal(kind.ReachableFromCloud, router.RouterEverContacted(world));
    }

    protected abstract string KindName { get; }

    private async Task<SalesWorld> StartAsync(RouterUnderTest router)
    {
        var world = await SalesWorld.StartAsync(azurite, settings: router.Settings, radius: router.Radius, routerBody: router.RouterBody);
        await router.StartedAsync(world);
        return world;
    }
}
