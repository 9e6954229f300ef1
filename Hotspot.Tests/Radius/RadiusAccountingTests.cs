using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Radius;

/// <summary>Accounting through real FreeRADIUS: every Acct-Session-Id counted once, whatever repeats or arrives late.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RadiusAccountingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Retransmitted_and_reordered_updates_are_counted_once_per_session()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order(tiempoSegundos: 3600);
        var password = await rig.BuyAsync(order);

        // Session 1: a Stop that overtook its interim updates, the interim retransmitted, the Start last.
        Assert.Equal("Accounting-Response", (await rig.AccountAsync(order.Usuario, "Stop", "81a00010", seconds: 900, input: 5000, output: 70000))?.Code);
        for (var copy = 0; copy < 3; copy++)
        {
            Assert.Equal("Accounting-Response", (await rig.AccountAsync(order.Usuario, "Interim-Update", "81a00010", seconds: 600, input: 3000, output: 40000))?.Code);
        }

        Assert.Equal("Accounting-Response", (await rig.AccountAsync(order.Usuario, "Start", "81a00010"))?.Code);

        // Session 2, concurrently repeated: its latest totals count once.
        var copies = Enumerable.Range(0, 4).Select(_ => rig.AccountAsync(order.Usuario, "Interim-Update", "81a00011", seconds: 2400, input: 100, output: 200));
        Assert.All(await Task.WhenAll(copies), reply => Assert.Equal("Accounting-Response", reply?.Code));

        Assert.Equal((3300L, 75300L), await rig.Store.UsageAsync(rig.RouterId, order.Usuario, default));
        Assert.Equal("300", (await rig.LoginAsync(order.Usuario, password))?.Attributes["Session-Timeout"]);
    }
}
