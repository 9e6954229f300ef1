using Hotspot.Tests.Infrastructure;
using static Hotspot.Tests.Reconnect.ReconnectRig;

namespace Hotspot.Tests.Reconnect;

/// <summary>What a reconnect costs on the wire, counted by the connection itself.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReconnectRoundTripTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_reconnect_that_needs_a_new_clone_takes_two_round_trips_on_a_warm_connection_and_opens_none()
    {
        await using var rig = await StartAsync(azurite);
        await rig.AddRandmacBaseAsync();
        await rig.AddRandmacBaseAsync(name: "WARMUP");
        rig.Join(StoredMac, "192.168.88.10");
        rig.Join(NewMac, NewIp);
        // Warm: the router's version is read once and cached.
        await rig.ReconnectAsync(StoredMac, "192.168.88.10", username: "WARMUP");

        var before = rig.Client.Counters.Snapshot();
        var response = await rig.ReconnectAsync(NewMac, NewIp);
        var cost = rig.Client.Counters.Snapshot() - before;

        Assert.Equal(("conectado", "AB3C9D_RANDMAC1"), (response.AutoConexion, response.DatosSesion!["name"]));
        Assert.Equal(2, cost.RoundTrips);
        Assert.Equal(0, cost.ConnectionsOpened);
    }

    [Fact]
    public async Task A_returning_device_already_online_costs_one_round_trip()
    {
        await using var rig = await StartAsync(azurite);
        await rig.AddRandmacBaseAsync();
        rig.Join(StoredMac, "192.168.88.10");
        await rig.ReconnectAsync(StoredMac, "192.168.88.10");

        var before = rig.Client.Counters.Snapshot();
        var response = await rig.ReconnectAsync(StoredMac, "192.168.88.10");

        Assert.Equal("conectado", response.AutoConexion);
        Assert.Equal(1, (rig.Client.Counters.Snapshot() - before).RoundTrips);
    }
}
