using System.Diagnostics;
using System.Globalization;
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

    [Fact]
    public async Task A_reconnect_that_has_spent_its_wait_reading_the_router_gets_a_free_lease_but_does_not_wait_for_a_held_one()
    {
        await using var rig = await StartAsync(azurite);
        var leases = new FamilyLeases(rig.Store, rig.Time);
        // The reading took the whole wait (a router queueing replies): whatever waiting is left must not push the
        // answer past the reconnect's budget, yet a lease nobody holds is still taken.
        var startedLongAgo = Stopwatch.GetTimestamp() - (long)(FamilyLeases.LongestWait.TotalSeconds * Stopwatch.Frequency);

        await using var free = await leases.AcquireAsync(1, Base, null, startedLongAgo, default);
        var held = await new FamilyLeases(rig.Store, rig.Time).AcquireAsync(1, "other-family", default);
        var late = await leases.AcquireAsync(1, "other-family", null, startedLongAgo, default);
        var local = leases.AcquireAsync(1, Base, null, startedLongAgo, default);

        Assert.NotNull(free);
        Assert.NotNull(held);
        Assert.Null(late);
        Assert.Null(await local);
    }

    [Fact]
    public async Task A_family_of_one_device_reconnecting_again_and_again_under_load_from_other_families_never_waits_for_its_own_lease()
    {
        var storage = new LostLeaseAnswer();
        await using var rig = await StartAsync(azurite, storageFault: storage);
        await rig.AddRandmacBaseAsync();
        const int Others = 8;
        for (var i = 0; i < Others; i++)
        {
            await rig.AddRandmacBaseAsync(mac: OtherMac(i), name: OtherName(i));
            rig.Join(OtherMac(i), OtherIp(i));
        }

        const string Ip = "192.168.88.10";
        var answers = new List<(string? Mensaje, string AutoConexion, TimeSpan Took)>();
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(Enumerable.Range(0, Others).Select(i => Task.Run(async () =>
        {
            var busy = 0;
            while (!stop.IsCancellationRequested)
            {
                rig.Leave(OtherMac(i));
                rig.Join(OtherMac(i), OtherIp(i));
                busy += (await rig.ReconnectAsync(OtherMac(i), OtherIp(i), username: OtherName(i))).Mensaje == Messages.Busy ? 1 : 0;
            }

            return busy;
        })));

        // The guest's phone leaves and comes back, and the portal reconnects it each time: it is its family's only device.
        for (var visit = 0; visit < 6; visit++)
        {
            rig.Leave(StoredMac);
            rig.Join(StoredMac, Ip);
            var started = Stopwatch.GetTimestamp();
            var answer = await rig.ReconnectAsync(StoredMac, Ip);
            answers.Add((answer.Mensaje, answer.AutoConexion, Stopwatch.GetElapsedTime(started)));
        }

        await stop.CancelAsync();
        var othersBusy = (await load).Sum();

        Assert.Equal(1, storage.Lost);
        Assert.All(answers, a => Assert.Equal((null, "conectado"), (a.Mensaje, a.AutoConexion)));
        Assert.All(answers, a => Assert.True(a.Took < TimeSpan.FromSeconds(2), $"a reconnect took {a.Took.TotalMilliseconds:0} ms"));
        Assert.Equal(0, othersBusy);
        Assert.Single(await rig.SessionsAsync(), s => s.User == Base);
    }

    private static string OtherName(int i) => string.Create(CultureInfo.InvariantCulture, $"OTHER{i}");

    private static string OtherMac(int i) => string.Create(CultureInfo.InvariantCulture, $"02:00:00:00:01:{i:X2}");

    private static string OtherIp(int i) => string.Create(CultureInfo.InvariantCulture, $"192.168.89.{i + 2}");
}
