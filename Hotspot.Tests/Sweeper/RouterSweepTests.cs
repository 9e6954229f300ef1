using Hotspot.Mikrotik;
using Hotspot.Reconnect;
using Hotspot.RouterOs;
using static Hotspot.Tests.Sweeper.SweepRig;

namespace Hotspot.Tests.Sweeper;

public sealed class RouterSweepTests
{
    [Fact]
    public async Task An_idle_clone_has_its_time_folded_into_its_base_and_is_removed_with_its_cookie()
    {
        await using var rig = await StartAsync();
        await rig.AddUserAsync("AB3C9D", TimeSpan.FromSeconds(14), Randmac(200_000, 1800));
        await rig.AddUserAsync("AB3C9D_RANDMAC1", TimeSpan.FromSeconds(100), Randmac(200_000, 1800));
        await rig.AddUserAsync("AB3C9D_RANDMAC2", TimeSpan.FromSeconds(5), Randmac(200_000, 1800), keepOnline: true);
        var before = await rig.FamilyTotalAsync("AB3C9D");

        // First sight: the idle clock of each clone starts; nothing is removed.
        var first = await rig.SweepAsync();
        Assert.Equal((2, 0), (first.ClonesMarked, first.ClonesFolded));
        Assert.Equal(3, (await rig.UsersAsync()).Count);

        rig.Advance(TimeSpan.FromMinutes(1441));
        var before2 = await rig.FamilyTotalAsync("AB3C9D");
        var second = await rig.SweepAsync();

        Assert.Equal((1, 100L), (second.ClonesFolded, second.SecondsFolded));
        var users = await rig.UsersAsync();
        Assert.Equal(["AB3C9D", "AB3C9D_RANDMAC2"], users.Select(u => u.Name).Order(StringComparer.Ordinal));
        Assert.Equal(1900, RandmacMarkers.Parse(users.Single(u => u.Name == "AB3C9D").Comment)!.TimeAccumulatedSeconds);
        Assert.Equal(before2, await rig.FamilyTotalAsync("AB3C9D"));
        Assert.DoesNotContain(await rig.Client.GetHotspotCookiesAsync(null, default), c => c.User == "AB3C9D_RANDMAC1");
        Assert.True(before2 > before);
    }

    [Fact]
    public async Task Spent_families_and_users_past_their_limit_are_removed_with_sessions_and_cookies()
    {
        await using var rig = await StartAsync();
        await rig.AddUserAsync("SPENT1", TimeSpan.FromSeconds(40), Randmac(60, 20));
        await rig.AddUserAsync("SPENT1_RANDMAC1", TimeSpan.Zero, Randmac(60, 20), keepOnline: true);
        await rig.AddUserAsync("LIVE01", TimeSpan.FromSeconds(10), Randmac(3600, 0));
        await rig.AddUserAsync("PT-OLD", TimeSpan.FromMinutes(10), limit: TimeSpan.FromMinutes(10));
        await rig.AddUserAsync("PT-NEW", TimeSpan.FromMinutes(3), limit: TimeSpan.FromMinutes(10));
        await rig.AddUserAsync("NOLIMIT", TimeSpan.FromHours(5));

        var report = await rig.SweepAsync();

        Assert.Equal((1, 1), (report.FamiliesRemoved, report.ExpiredUsersRemoved));
        Assert.Equal(["LIVE01", "NOLIMIT", "PT-NEW"], (await rig.UsersAsync()).Select(u => u.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(await rig.Client.GetHotspotActiveAsync(null, default), s => s.User.StartsWith("SPENT1", StringComparison.Ordinal));
        Assert.DoesNotContain(await rig.Client.GetHotspotCookiesAsync(null, default), c => c.User is "SPENT1" or "PT-OLD");

        // Run again: nothing left to do.
        var again = await rig.SweepAsync();
        Assert.Equal((0, 0, 0), (again.UsersRemoved, again.FamiliesRemoved, again.ClonesFolded));
    }

    [Fact]
    public async Task A_sweep_stopped_by_the_router_at_any_step_and_run_again_counts_every_second_once()
    {
        var (expectedUsers, expectedTotal) = await RunScenarioAsync(failAfter: null);
        Assert.Equal(["BASE01", "BASE01_RANDMAC3", "PT-NEW"], expectedUsers);

        var completed = false;
        for (var failAfter = 0; !completed; failAfter++)
        {
            var (users, total) = await RunScenarioAsync(failAfter);
            Assert.True(users.SequenceEqual(expectedUsers), $"fault after {failAfter} commands: users {string.Join(',', users)}");
            Assert.True(total == expectedTotal, $"fault after {failAfter} commands: family total {total}, expected {expectedTotal}");
            completed = failAfter > 60;
        }
    }

    /// <summary>The scenario, with the router failing part-way through the first sweep; then sweeps until nothing changes.</summary>
    private static async Task<(List<string> Users, long Total)> RunScenarioAsync(int? failAfter)
    {
        await using var rig = await StartAsync();
        var longAgo = rig.Time.GetUtcNow().AddDays(-2);
        await rig.AddUserAsync("BASE01", TimeSpan.FromSeconds(14), Randmac(3600, 100));
        await rig.AddUserAsync("BASE01_RANDMAC1", TimeSpan.FromSeconds(50), Randmac(3600, 100, longAgo));
        await rig.AddUserAsync("BASE01_RANDMAC2", TimeSpan.FromSeconds(30), Randmac(3600, 100, longAgo));
        await rig.AddUserAsync("BASE01_RANDMAC3", TimeSpan.FromSeconds(7), Randmac(3600, 100), keepOnline: true);
        await rig.AddUserAsync("GONE01", TimeSpan.FromSeconds(60), Randmac(60, 0));
        await rig.AddUserAsync("PT-OLD", TimeSpan.FromMinutes(10), limit: TimeSpan.FromMinutes(10));
        await rig.AddUserAsync("PT-NEW", TimeSpan.FromMinutes(3), limit: TimeSpan.FromMinutes(10));
        var total = await rig.FamilyTotalAsync("BASE01");

        if (failAfter is { } commands)
        {
            rig.Router.Simulator.Faults.FatalAfter(commands, "router rebooting");
            try
            {
                await rig.SweepAsync();
            }
            catch (RouterOsException)
            {
                // The router dropped the connection: the pool would open a new one for the next run.
            }

            rig.Router.Simulator.Faults.CancelFatalAfter();
            await rig.ReconnectAsync();
        }

        // The family's live session keeps running between sweeps; measure what the sweeps themselves change.
        var liveBefore = (await rig.Client.GetHotspotActiveAsync(null, default)).Sum(s => (long)s.Uptime.TotalSeconds);
        await rig.SweepAsync();
        await rig.SweepAsync();
        var users = (await rig.UsersAsync()).Select(u => u.Name).Order(StringComparer.Ordinal).ToList();
        var after = await rig.FamilyTotalAsync("BASE01");
        Assert.Equal(0, (await rig.Client.GetHotspotActiveAsync(null, default)).Sum(s => (long)s.Uptime.TotalSeconds) - liveBefore);
        Assert.Equal(total, after);
        Assert.DoesNotContain("FOLD", (await rig.UsersAsync()).Single(u => u.Name == "BASE01").Comment, StringComparison.Ordinal);
        return (users, after);
    }
}
