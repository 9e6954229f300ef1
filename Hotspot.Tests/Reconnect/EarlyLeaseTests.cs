using Hotspot.Reconnect;
using Hotspot.Tests.Infrastructure;
using static Hotspot.Tests.Reconnect.ReconnectRig;

namespace Hotspot.Tests.Reconnect;

/// <summary>
/// A device this instance has not answered connected lately most likely needs a login: its family's lease is taken
/// while the router is read, so the table write is off the answer's path. One answered lately is read first, with no lease.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EarlyLeaseTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan TestBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_device_back_after_the_keepalive_window_has_its_lease_taken_before_the_router_answers_the_reading()
    {
        var leaseWritten = new LeaseWriteSignal();
        await using var rig = await StartAsync(azurite, storageFault: leaseWritten);
        await rig.AddRandmacBaseAsync();
        rig.Join(StoredMac, "192.168.88.10");
        Assert.Equal("conectado", (await rig.ReconnectAsync(StoredMac, "192.168.88.10")).AutoConexion);
        await rig.Leases.ReleasesAsync();
        rig.Leave(StoredMac);
        rig.Advance(RecentlyConnected.Window + TimeSpan.FromSeconds(1));
        rig.Join(StoredMac, "192.168.88.10");

        // The router hears the reading and never answers it: whatever the lease table sees, it saw before any reply.
        rig.Router.Simulator.Faults.Silent = true;
        using var cancel = new CancellationTokenSource();
        leaseWritten.Arm();
        var reconnect = rig.ReconnectAsync(StoredMac, "192.168.88.10", cancellationToken: cancel.Token);

        await leaseWritten.Written.WaitAsync(TestBound);
        // Written while the reading still waits for the router: the write is off the answer's path.
        Assert.False(reconnect.IsCompleted);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reconnect);
        // The lease taken early is given back: another instance takes it at once.
        await rig.Leases.ReleasesAsync();
        var other = new FamilyLeases(rig.Store, rig.Time);
        await using var taken = await other.AcquireAsync(1, Base, CancellationToken.None);
        Assert.NotNull(taken);
    }

    [Fact]
    public async Task A_device_online_that_this_instance_never_answered_is_answered_after_one_round_trip_and_its_early_lease_given_back()
    {
        await using var rig = await StartAsync(azurite);
        await rig.AddRandmacBaseAsync();
        rig.Join(StoredMac, "192.168.88.10");
        // Logged in straight through the hotspot (its cookie), not through us.
        await rig.Client.SendAsync(Hotspot.Mikrotik.HotspotCommands.Login(Base, Password, Hotspot.Drivers.MacAddress.Parse(StoredMac), "192.168.88.10"), CancellationToken.None);

        var before = rig.Client.Counters.Snapshot();
        var answer = await rig.ReconnectAsync(StoredMac, "192.168.88.10");

        Assert.Equal(("conectado", "AB3C9D"), (answer.AutoConexion, answer.DatosSesion!["name"]));
        Assert.Equal(1, (rig.Client.Counters.Snapshot() - before).RoundTrips);
        Assert.Single(await rig.SessionsAsync());
        await rig.Leases.ReleasesAsync();
        var other = new FamilyLeases(rig.Store, rig.Time);
        await using var taken = await other.AcquireAsync(1, Base, CancellationToken.None);
        Assert.NotNull(taken);

        // Now answered connected by this instance: the next reconnect takes no lease at all.
        var tables = rig.StorageRequests.Requests;
        Assert.Equal("conectado", (await rig.ReconnectAsync(StoredMac, "192.168.88.10")).AutoConexion);
        Assert.Equal(0, rig.StorageRequests.Requests - tables);
    }
}
