using Hotspot.Reconnect;
using Hotspot.Tests.Infrastructure;
using static Hotspot.Tests.Reconnect.ReconnectRig;

namespace Hotspot.Tests.Reconnect;

/// <summary>The per-family lease when the instance holding it dies: guests are told to try again, and not for ever.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FamilyLeaseTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_lease_left_by_an_instance_that_died_answers_try_again_until_it_lapses_then_the_device_connects()
    {
        await using var rig = await StartAsync(azurite);
        await rig.AddRandmacBaseAsync();
        rig.Join(NewMac, NewIp);
        // Another instance takes the family's lease and dies without releasing it.
        var abandoned = await new FamilyLeases(rig.Store, rig.Time).AcquireAsync(1, Base, default);
        Assert.NotNull(abandoned);

        var waiting = await rig.ReconnectAsync(NewMac, NewIp);
        Assert.Equal(("activo", "no_conectado", Messages.Busy), (waiting.Estado, waiting.AutoConexion, waiting.Mensaje));
        Assert.Empty(await rig.SessionsAsync());

        rig.Advance(FamilyLeases.Duration + TimeSpan.FromSeconds(1));
        var connected = await rig.ReconnectAsync(NewMac, NewIp);
        Assert.Equal("conectado", connected.AutoConexion);
        Assert.Single(await rig.SessionsAsync());
    }
}
