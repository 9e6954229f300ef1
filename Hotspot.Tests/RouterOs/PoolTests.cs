using Hotspot.RouterOs;
using Hotspot.Secrets;
using Microsoft.Extensions.Time.Testing;

namespace Hotspot.Tests.RouterOs;

public sealed class PoolTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_hundred_concurrent_callers_get_their_own_replies_within_the_cap_and_leave_nothing_open()
    {
        await using var router = RunningRouter.Start(configure: o => o with { LatencyMs = 1 });
        var (pool, _) = await PoolWithPasswordAsync();
        var client = pool.For(router.Endpoint());

        var names = Enumerable.Range(0, 100).Select(i => "guest-" + i).ToList();
        var found = await Task.WhenAll(names.Select(async name =>
        {
            await client.AddHotspotUserAsync(new NewHotspotUser(name, "pw") { Comment = "for " + name }, None);
            return await client.FindHotspotUserAsync(name, None);
        }));

        Assert.Equal(names.Select(n => "for " + n), found.Select(u => u!.Comment));
        Assert.InRange(router.Simulator.MostOpenConnections, 1, 2);
        Assert.InRange(pool.CountersFor(1).Snapshot().ConnectionsOpened, 1, 2);
        await pool.DisposeAsync();
        Assert.Equal(0, pool.OpenConnections(1));
    }

    [Fact]
    public async Task Connections_are_reused_across_calls()
    {
        await using var router = RunningRouter.Start();
        var (pool, _) = await PoolWithPasswordAsync();
        await using var disposePool = pool;
        var client = pool.For(router.Endpoint());

        for (var i = 0; i < 5; i++)
        {
            await client.GetIdentityAsync(None);
        }

        Assert.Equal(1, pool.CountersFor(1).Snapshot().ConnectionsOpened);
        Assert.Equal(1, router.Simulator.Sentences.All().Count(s => s.Words[0] == "/login"));
    }

    [Fact]
    public async Task A_read_on_a_connection_that_dies_is_repeated_on_a_fresh_one()
    {
        await using var router = RunningRouter.Start();
        var (pool, _) = await PoolWithPasswordAsync();
        await using var disposePool = pool;
        var client = pool.For(router.Endpoint());
        await client.AddHotspotUserAsync(new NewHotspotUser("ana", "1"), None);

        router.Simulator.Faults.DropMidReplyNext = true;
        var user = await client.FindHotspotUserAsync("ana", None);

        Assert.Equal("ana", user!.Name);
        Assert.Equal(2, pool.CountersFor(1).Snapshot().ConnectionsOpened);
        Assert.Equal(1, pool.OpenConnections(1));
    }

    [Fact]
    public async Task A_write_is_not_repeated_but_the_broken_connection_is_replaced()
    {
        await using var router = RunningRouter.Start();
        var (pool, _) = await PoolWithPasswordAsync();
        await using var disposePool = pool;
        var client = pool.For(router.Endpoint());
        await client.GetIdentityAsync(None);

        router.Simulator.Faults.DropMidReplyNext = true;
        var failure = await Assert.ThrowsAsync<RouterOsConnectionException>(() => client.AddHotspotUserAsync(new NewHotspotUser("ana", "1"), None));
        var after = await client.FindHotspotUserAsync("ana", None);

        Assert.Equal(RouterOsFailure.Dropped, failure.Failure);
        Assert.Contains("router 1", failure.Message, StringComparison.Ordinal);
        Assert.Single(router.Simulator.Sentences.All(), s => s.Words[0] == "/ip/hotspot/user/add");
        Assert.NotNull(after);
    }

    [Fact]
    public async Task A_connection_closed_by_the_router_while_idle_is_replaced_transparently()
    {
        await using var router = RunningRouter.Start();
        var (pool, _) = await PoolWithPasswordAsync();
        await using var disposePool = pool;
        var client = pool.For(router.Endpoint());
        await client.GetIdentityAsync(None);

        router.Simulator.Faults.FatalNext = "session terminated";
        await Assert.ThrowsAsync<RouterOsConnectionException>(() => client.SendAsync(new RouterOsCommand("/system/identity/set").With("name", "x"), None));
        var resource = await client.GetSystemResourceAsync(None);

        Assert.Equal(7, resource.Version.Major);
    }

    [Fact]
    public async Task Idle_connections_are_closed_after_the_idle_timeout()
    {
        await using var router = RunningRouter.Start();
        var (pool, time) = await PoolWithPasswordAsync();
        await using var disposePool = pool;
        var client = pool.For(router.Endpoint());
        await client.GetIdentityAsync(None);
        Assert.Equal(1, pool.OpenConnections(1));

        time.Advance(TimeSpan.FromMinutes(3));
        await pool.EvictIdleAsync();
        await client.GetIdentityAsync(None);

        Assert.Equal(2, pool.CountersFor(1).Snapshot().ConnectionsOpened);
        Assert.Equal(1, pool.OpenConnections(1));
    }

    [Fact]
    public async Task A_router_without_a_stored_password_is_a_login_failure_that_names_it()
    {
        await using var router = RunningRouter.Start();
        await using var pool = new RouterOsPool(new LocalSecretStore(TimeProvider.System, null), TimeProvider.System);

        var failure = await Assert.ThrowsAsync<RouterOsConnectionException>(() => pool.For(router.Endpoint() with { RouterId = 9 }).GetIdentityAsync(None));

        Assert.Equal(RouterOsFailure.Login, failure.Failure);
        Assert.Contains("router 9", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, pool.OpenConnections(9));
    }

    [Fact]
    public async Task A_refused_router_is_reported_as_refused_and_holds_no_place_in_the_pool()
    {
        await using var router = RunningRouter.Start();
        var (pool, _) = await PoolWithPasswordAsync();
        await using var disposePool = pool;
        router.Simulator.RefuseConnections(true);
        var client = pool.For(router.Endpoint());

        for (var i = 0; i < 3; i++)
        {
            var failure = await Assert.ThrowsAsync<RouterOsConnectionException>(() => client.GetIdentityAsync(None));
            Assert.Equal(RouterOsFailure.Refused, failure.Failure);
        }

        router.Simulator.RefuseConnections(false);
        Assert.Equal("MikroTik", await client.GetIdentityAsync(None));
    }

    private static async Task<(RouterOsPool Pool, FakeTimeProvider Time)> PoolWithPasswordAsync()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var secrets = new LocalSecretStore(time, null);
        await secrets.SetAsync(SecretNames.RouterPassword(1), RunningRouter.Password, None);
        return (new RouterOsPool(secrets, time), time);
    }
}
