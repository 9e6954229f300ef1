using System.Globalization;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hotspot.Tests.RouterOs;

/// <summary>The connection pool over real TCP to the simulator.</summary>
public sealed class RouterOsPoolTests
{
    private static ValueTask<string> Password(CancellationToken _) => ValueTask.FromResult(RunningRouter.Password);

    private static RouterOsPool Pool(FakeTimeProvider? time = null, int cap = 2) =>
        new(Options.Create(new RouterOsPoolOptions { MaxConnectionsPerRouter = cap, BusyThreshold = 4 }), time ?? new FakeTimeProvider(DateTimeOffset.UtcNow));

    [Fact]
    public async Task A_hundred_concurrent_callers_get_their_own_replies_within_the_cap_and_nothing_leaks()
    {
        await using var router = RunningRouter.Start();
        var setup = await router.ConnectAsync();
        await setup.SendAllAsync(
            Enumerable.Range(0, 100).Select(i => new RouterOsCommand(MikrotikMenus.HotspotUsers + "/add").With("name", Name(i)).With("password", "p" + i)).ToList(),
            default);
        await setup.DisposeAsync();
        var pool = Pool();
        var client = await pool.ForAsync(router.Endpoint(), Password, default);

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
            (i, (await client.FindHotspotUserAsync(Name(i), default))?.Password)));

        Assert.All(answers, a => Assert.Equal("p" + a.i, a.Password));
        var opened = pool.CountersOf(1)!.Value.ConnectionsOpened;
        Assert.InRange(opened, 1, 2);
        Assert.InRange(pool.OpenConnections(1), 1, 2);
        await pool.DisposeAsync();
        Assert.Equal(0, await EventuallyZeroAsync(router));
    }

    [Fact]
    public async Task A_connection_dropped_under_a_read_is_replaced_and_the_read_goes_again_but_a_write_is_not_repeated()
    {
        await using var router = RunningRouter.Start();
        await using var pool = Pool();
        var client = await pool.ForAsync(router.Endpoint(), Password, default);
        await client.AddHotspotUserAsync(new NewHotspotUser("ana", "1234"), default);

        router.Simulator.Faults.DropMidReplyNext = true;
        var ana = await client.FindHotspotUserAsync("ana", default);
        Assert.Equal("1234", ana?.Password);

        router.Simulator.Faults.DropMidReplyNext = true;
        var failed = await Assert.ThrowsAsync<RouterOsConnectionException>(() => client.AddHotspotUserAsync(new NewHotspotUser("bea", "5678"), default));
        Assert.Contains("router 1", failed.Message, StringComparison.Ordinal);
        var users = await client.GetHotspotUsersAsync(null, default);
        Assert.Single(users, u => u.Name == "bea");
        Assert.Equal(2, users.Count);
    }

    [Fact]
    public async Task An_idle_connection_is_closed_and_a_new_one_opened_when_needed()
    {
        await using var router = RunningRouter.Start();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pool = Pool(time);
        var client = await pool.ForAsync(router.Endpoint(), Password, default);
        await client.GetIdentityAsync(default);
        await client.GetIdentityAsync(default);
        Assert.Equal(1, pool.CountersOf(1)!.Value.ConnectionsOpened);

        time.Advance(TimeSpan.FromMinutes(6));
        await client.GetIdentityAsync(default);

        Assert.Equal(2, pool.CountersOf(1)!.Value.ConnectionsOpened);
        Assert.Equal(1, pool.OpenConnections(1));
    }

    [Fact]
    public async Task A_refused_connection_names_the_router_and_what_failed()
    {
        await using var router = RunningRouter.Start();
        router.Simulator.RefuseConnections(true);
        await using var pool = Pool();
        var client = await pool.ForAsync(router.Endpoint(), Password, default);

        var error = await Assert.ThrowsAsync<RouterOsConnectionException>(() => client.GetIdentityAsync(default));

        Assert.Contains($"router 1 (127.0.0.1:{router.Simulator.ApiPort})", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RunningRouter.Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_the_router_ended_with_fatal_is_replaced_for_the_next_command()
    {
        await using var router = RunningRouter.Start();
        await using var pool = Pool();
        var client = await pool.ForAsync(router.Endpoint(), Password, default);
        await client.GetIdentityAsync(default);

        router.Simulator.Faults.FatalNext = "session terminated";
        await Assert.ThrowsAnyAsync<RouterOsException>(() => client.SendAsync(new RouterOsCommand("/system/identity/set").With("name", "x"), default));
        var resource = await client.GetSystemResourceAsync(default);

        Assert.Equal(7, resource.Version.Major);
        Assert.Equal("MikroTik", await client.GetIdentityAsync(default));
    }

    [Fact]
    public async Task A_refused_router_holds_no_place_in_the_pool_and_is_used_again_once_it_accepts()
    {
        await using var router = RunningRouter.Start();
        router.Simulator.RefuseConnections(true);
        await using var pool = Pool();
        var client = await pool.ForAsync(router.Endpoint(), Password, default);

        for (var i = 0; i < 3; i++)
        {
            var error = await Assert.ThrowsAsync<RouterOsConnectionException>(() => client.GetIdentityAsync(default));
            Assert.Equal(RouterOsFailure.Refused, error.Failure);
        }

        Assert.Equal(0, pool.OpenConnections(1));
        router.Simulator.RefuseConnections(false);
        Assert.Equal("MikroTik", await client.GetIdentityAsync(default));
    }

    [Fact]
    public async Task A_new_credential_revision_retires_the_connections_logged_in_with_the_old_password()
    {
        await using var router = RunningRouter.Start();
        await using var pool = Pool();
        var password = RunningRouter.Password;
        ValueTask<string> Current(CancellationToken _) => ValueTask.FromResult(password);
        var before = await pool.ForAsync(router.Endpoint(), Current, default);
        await before.GetIdentityAsync(default);

        password = "not-the-router-password";
        var sameRevision = await pool.ForAsync(router.Endpoint(), Current, default);
        Assert.Equal("MikroTik", await sameRevision.GetIdentityAsync(default));
        var changed = await pool.ForAsync(router.Endpoint() with { CredentialRevision = 1 }, Current, default);
        var error = await Assert.ThrowsAsync<RouterOsConnectionException>(() => changed.GetIdentityAsync(default));

        Assert.Equal(RouterOsFailure.Login, error.Failure);
        Assert.DoesNotContain(password, error.Message, StringComparison.Ordinal);
    }

    private static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"user{i:D3}");

    /// <summary>The simulator counts a connection closed when it reads the end of the stream, just after our side closes.</summary>
    private static async Task<int> EventuallyZeroAsync(RunningRouter router)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (router.Simulator.OpenConnections > 0 && !timeout.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None);
        }

        return router.Simulator.OpenConnections;
    }
}
