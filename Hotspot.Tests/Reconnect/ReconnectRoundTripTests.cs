using Hotspot.Reconnect;
using Hotspot.Tests.Infrastructure;
using static Hotspot.Tests.Reconnect.ReconnectRig;

namespace Hotspot.Tests.Reconnect;

/// <summary>What a reconnect costs on the wire, counted by the connection itself.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReconnectRoundTripTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("6.49.10 (long-term)")]
    [InlineData("7.14.3 (stable)")]
    public async Task A_new_clone_and_a_known_device_take_two_round_trips_on_a_warm_connection_and_open_none(string version)
    {
        await using var rig = await StartAsync(azurite, version);
        await rig.AddRandmacBaseAsync();
        rig.Join(StoredMac, "192.168.88.10");
        rig.Join(NewMac, NewIp);
        // The family's first device, on this instance: the router's version is read once and the lease seen.
        await rig.ReconnectAsync(StoredMac, "192.168.88.10");

        var before = rig.Client.Counters.Snapshot();
        var clone = await rig.ReconnectAsync(NewMac, NewIp);
        var cloneCost = rig.Client.Counters.Snapshot() - before;
        before = rig.Client.Counters.Snapshot();
        var known = await rig.ReconnectAsync(StoredMac, "192.168.88.10");
        var knownCost = rig.Client.Counters.Snapshot() - before;

        Assert.Equal(("conectado", "AB3C9D_RANDMAC1"), (clone.AutoConexion, clone.DatosSesion!["name"]));
        Assert.Equal(("conectado", "AB3C9D"), (known.AutoConexion, known.DatosSesion!["name"]));
        Assert.Equal((2, 0), (cloneCost.RoundTrips, cloneCost.ConnectionsOpened));
        Assert.Equal((2, 0), (knownCost.RoundTrips, knownCost.ConnectionsOpened));
        var session = Assert.Single(await rig.SessionsAsync());
        Assert.Equal(("AB3C9D", StoredMac), (session.User, session.MacAddress));
    }

    [Fact]
    public async Task A_family_whose_lease_another_instance_held_since_is_read_again_under_the_lease_three_round_trips()
    {
        await using var rig = await StartAsync(azurite);
        await rig.AddRandmacBaseAsync();
        await rig.AddRandmacBaseAsync(name: "WARMUP");
        rig.Join(StoredMac, "192.168.88.10");
        rig.Join(NewMac, NewIp);
        await rig.ReconnectAsync(StoredMac, "192.168.88.10", username: "WARMUP");
        // Another instance held the family's lease and released it: this one cannot tell when.
        var other = new FamilyLeases(rig.Store, rig.Time);
        await using (await other.AcquireAsync(1, Base, default))
        {
        }

        await other.ReleasesAsync();

        var before = rig.Client.Counters.Snapshot();
        var response = await rig.ReconnectAsync(NewMac, NewIp);

        Assert.Equal(("conectado", "AB3C9D_RANDMAC1"), (response.AutoConexion, response.DatosSesion!["name"]));
        Assert.Equal(3, (rig.Client.Counters.Snapshot() - before).RoundTrips);
    }

    [Fact]
    public async Task A_returning_device_already_online_costs_one_round_trip_and_no_table_request()
    {
        await using var rig = await StartAsync(azurite);
        await rig.AddRandmacBaseAsync();
        rig.Join(StoredMac, "192.168.88.10");
        await rig.ReconnectAsync(StoredMac, "192.168.88.10");
        await rig.Leases.ReleasesAsync();

        var before = rig.Client.Counters.Snapshot();
        var tablesBefore = rig.StorageRequests.Requests;
        var response = await rig.ReconnectAsync(StoredMac, "192.168.88.10");

        Assert.Equal("conectado", response.AutoConexion);
        Assert.Equal(1, (rig.Client.Counters.Snapshot() - before).RoundTrips);
        await rig.Leases.ReleasesAsync();
        Assert.Equal(0, rig.StorageRequests.Requests - tablesBefore);
    }
}
