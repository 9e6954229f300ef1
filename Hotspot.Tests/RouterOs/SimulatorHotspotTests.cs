using Hotspot.Mikrotik;
using Hotspot.RouterOs;

namespace Hotspot.Tests.RouterOs;

public sealed class SimulatorHotspotTests
{
    private const string Mac = "AA:BB:CC:00:11:22";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_login_needs_the_device_in_the_host_table_and_leaves_a_session_and_a_cookie()
    {
        await using var router = RunningRouter.Start();
        var client = await router.ConnectAsync();
        await client.AddHotspotUserAsync(new NewHotspotUser("ana", "1234"), None);

        var before = await Assert.ThrowsAsync<RouterOsTrapException>(() => client.LoginHotspotDeviceAsync("ana", "1234", "10.5.50.7", Mac, None));
        router.State.AddHost(Mac, "10.5.50.7");
        await client.LoginHotspotDeviceAsync("ana", "1234", "10.5.50.7", Mac, None);

        Assert.Contains("host", before.Message, StringComparison.Ordinal);
        var session = Assert.Single(await client.GetHotspotActiveAsync(null, None));
        Assert.Equal(("ana", "10.5.50.7", Mac), (session.User, session.Address, session.MacAddress));
        var cookie = Assert.Single(await client.GetHotspotCookiesAsync(null, None));
        Assert.Equal(("ana", Mac, TimeSpan.FromDays(3)), (cookie.User, cookie.MacAddress, cookie.ExpiresIn));
        Assert.True(Assert.Single(await client.GetHotspotHostsAsync(null, None)).Authorized);
    }

    [Fact]
    public async Task No_cookie_when_the_profile_does_not_add_one_and_a_wrong_password_is_refused()
    {
        await using var router = RunningRouter.Start();
        var client = await router.ConnectAsync();
        await client.AddHotspotUserProfileAsync(new NewHotspotUserProfile("nocookie") { AddMacCookie = false }, None);
        await client.AddHotspotUserAsync(new NewHotspotUser("ana", "1234") { Profile = "nocookie" }, None);
        router.State.AddHost(Mac, "10.5.50.7");

        var wrong = await Assert.ThrowsAsync<RouterOsTrapException>(() => client.LoginHotspotDeviceAsync("ana", "9999", "10.5.50.7", Mac, None));
        await client.LoginHotspotDeviceAsync("ana", "1234", "10.5.50.7", Mac, None);

        Assert.Equal(RouterOsErrorKind.InvalidCredentials, wrong.Kind);
        Assert.Single(await client.GetHotspotActiveAsync(null, None));
        Assert.Empty(await client.GetHotspotCookiesAsync(null, None));
    }

    [Fact]
    public async Task The_clock_advances_sessions_and_limit_uptime_ends_them_adding_to_the_users_uptime()
    {
        await using var router = RunningRouter.Start();
        var client = await router.ConnectAsync();
        await client.AddHotspotUserAsync(new NewHotspotUser("ana", "1234") { LimitUptime = TimeSpan.FromHours(1) }, None);
        router.State.AddHost(Mac, "10.5.50.7");
        await client.LoginHotspotDeviceAsync("ana", "1234", "10.5.50.7", Mac, None);

        router.Simulator.Clock.Advance(TimeSpan.FromMinutes(30));
        var halfway = Assert.Single(await client.GetHotspotActiveAsync(null, None));
        router.Simulator.Clock.Advance(TimeSpan.FromMinutes(45));
        var after = await client.GetHotspotActiveAsync(null, None);
        var user = await client.FindHotspotUserAsync("ana", None);

        Assert.InRange(halfway.Uptime, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(31));
        Assert.True(halfway.BytesIn > 0);
        Assert.Empty(after);
        Assert.Equal(TimeSpan.FromHours(1), user!.Uptime);
        var again = await Assert.ThrowsAsync<RouterOsTrapException>(() => client.LoginHotspotDeviceAsync("ana", "1234", "10.5.50.7", Mac, None));
        Assert.Contains("uptime limit", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_timeout_of_the_profile_ends_a_session()
    {
        await using var router = RunningRouter.Start();
        var client = await router.ConnectAsync();
        await client.AddHotspotUserProfileAsync(new NewHotspotUserProfile("short") { SessionTimeout = TimeSpan.FromMinutes(10) }, None);
        await client.AddHotspotUserAsync(new NewHotspotUser("ana", "1234") { Profile = "short" }, None);
        router.State.AddHost(Mac, "10.5.50.7");
        await client.LoginHotspotDeviceAsync("ana", "1234", "10.5.50.7", Mac, None);

        router.Simulator.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Empty(await client.GetHotspotActiveAsync(null, None));
        Assert.Equal(TimeSpan.FromMinutes(10), (await client.FindHotspotUserAsync("ana", None))!.Uptime);
    }

    [Fact]
    public async Task An_unknown_profile_is_refused()
    {
        await using var router = RunningRouter.Start();
        var client = await router.ConnectAsync();

        var failure = await Assert.ThrowsAsync<RouterOsTrapException>(() => client.AddHotspotUserAsync(new NewHotspotUser("ana", "1") { Profile = "gold" }, None));

        Assert.Equal(RouterOsErrorKind.UnknownProfile, failure.Kind);
    }

    [Fact]
    public async Task Ids_are_never_reused_and_set_and_remove_take_ids_names_and_lists()
    {
        await using var router = RunningRouter.Start();
        var client = await router.ConnectAsync();
        var first = await client.AddHotspotUserAsync(new NewHotspotUser("a", "1"), None);
        await client.RemoveAsync(MikrotikMenus.HotspotUsers, [first], None);
        var second = await client.AddHotspotUserAsync(new NewHotspotUser("b", "1"), None);
        var third = await client.AddHotspotUserAsync(new NewHotspotUser("c", "1"), None);
        await client.AddHotspotUserAsync(new NewHotspotUser("d", "1"), None);

        await client.SetAsync(MikrotikMenus.HotspotUsers, "d", [KeyValuePair.Create("comment", "by name")], None);
        await client.RemoveAsync(MikrotikMenus.HotspotUsers, [second, third], None);

        Assert.Equal(("*1", "*2", "*3"), (first, second, third));
        var left = Assert.Single(await client.GetHotspotUsersAsync(null, None));
        Assert.Equal(("*4", "by name"), (left.Id, left.Comment));
    }

    [Theory]
    [InlineData("7.14.3 (stable)", "no such item (4)")]
    [InlineData("6.49.10 (long-term)", "no such item")]
    public async Task A_missing_id_traps_with_the_versions_text(string version, string message)
    {
        await using var router = RunningRouter.Start(version);
        var client = await router.ConnectAsync();

        var failure = await Assert.ThrowsAsync<RouterOsTrapException>(() => client.RemoveAsync(MikrotikMenus.HotspotUsers, ["*99"], None));

        Assert.Equal(message, Assert.Single(failure.Traps).Message);
        Assert.Equal(RouterOsErrorKind.NoSuchItem, failure.Kind);
    }

    [Fact]
    public async Task Print_supports_the_query_stack_count_only_and_proplist()
    {
        await using var router = RunningRouter.Start();
        var client = await router.ConnectAsync();
        await client.AddHotspotUserProfileAsync(new NewHotspotUserProfile("gold"), None);
        await client.AddHotspotUserAsync(new NewHotspotUser("a", "1") { Profile = "gold" }, None);
        await client.AddHotspotUserAsync(new NewHotspotUser("b", "1") { Comment = "vip" }, None);
        await client.AddHotspotUserAsync(new NewHotspotUser("c", "1"), None);

        var goldOrVip = await client.SendAsync(RouterOsCommand.Print(MikrotikMenus.HotspotUsers,
            RouterOsQuery.Create().Equal("profile", "gold").Has("comment").Operations("|")).Proplist("name"), None);
        var notGold = await client.SendAsync(RouterOsCommand.Print(MikrotikMenus.HotspotUsers,
            RouterOsQuery.Create().Equal("profile", "gold").Operations("!")).CountOnly(), None);
        var noComment = await client.SendAsync(RouterOsCommand.Print(MikrotikMenus.HotspotUsers, RouterOsQuery.Create().HasNot("comment")), None);
        var after = await client.SendAsync(RouterOsCommand.Print(MikrotikMenus.HotspotUsers, RouterOsQuery.Create().GreaterThan("name", "a")), None);

        Assert.Equal(["a", "b"], goldOrVip.Rows.Select(r => r["name"]));
        Assert.All(goldOrVip.Rows, r => Assert.Equal(["name"], r.Attributes.Keys));
        Assert.Equal("2", notGold.Ret);
        Assert.Equal(["a", "c"], noComment.Rows.Select(r => r["name"]));
        Assert.Equal(["b", "c"], after.Rows.Select(r => r["name"]));
    }

    [Fact]
    public async Task Cookies_and_hosts_cannot_be_added_over_the_api_but_cookies_can_be_removed()
    {
        await using var router = RunningRouter.Start();
        var client = await router.ConnectAsync();
        await client.AddHotspotUserAsync(new NewHotspotUser("ana", "1234"), None);
        router.State.AddHost(Mac, "10.5.50.7");
        await client.LoginHotspotDeviceAsync("ana", "1234", "10.5.50.7", Mac, None);

        var addCookie = await client.SendAsync(new RouterOsCommand("/ip/hotspot/cookie/add").With("user", "x"), None);
        var removeHost = await client.SendAsync(RouterOsCommand.Remove(MikrotikMenus.HotspotHosts, ["*1"]), None);
        var cookie = Assert.Single(await client.GetHotspotCookiesAsync(null, None));
        await client.RemoveAsync(MikrotikMenus.HotspotCookies, [cookie.Id], None);

        Assert.Equal("no such command", Assert.Single(addCookie.Traps).Message);
        Assert.False(removeHost.Succeeded);
        Assert.Empty(await client.GetHotspotCookiesAsync(null, None));
    }

    [Fact]
    public async Task Removing_an_active_session_logs_the_device_out()
    {
        await using var router = RunningRouter.Start();
        var client = await router.ConnectAsync();
        await client.AddHotspotUserAsync(new NewHotspotUser("ana", "1234"), None);
        router.State.AddHost(Mac, "10.5.50.7");
        await client.LoginHotspotDeviceAsync("ana", "1234", "10.5.50.7", Mac, None);
        router.Simulator.Clock.Advance(TimeSpan.FromMinutes(5));

        var session = Assert.Single(await client.GetHotspotActiveAsync(null, None));
        await client.RemoveAsync(MikrotikMenus.HotspotActive, [session.Id], None);

        Assert.Empty(await client.GetHotspotActiveAsync(null, None));
        Assert.False(Assert.Single(await client.GetHotspotHostsAsync(null, None)).Authorized);
        Assert.InRange((await client.FindHotspotUserAsync("ana", None))!.Uptime, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6));
    }

    [Fact]
    public async Task Ip_bindings_identity_and_resource()
    {
        await using var router = RunningRouter.Start("6.49.10 (long-term)");
        var client = await router.ConnectAsync();
        await client.SendAsync(new RouterOsCommand("/ip/hotspot/ip-binding/add").With("mac-address", Mac).With("type", "bypassed"), None);
        var badType = await client.SendAsync(new RouterOsCommand("/ip/hotspot/ip-binding/add").With("mac-address", Mac).With("type", "open"), None);
        await client.SendAsync(new RouterOsCommand("/system/identity/set").With("name", "hotel-lobby"), None);

        var binding = Assert.Single(await client.GetHotspotIpBindingsAsync(null, None));
        var resource = await client.GetSystemResourceAsync(None);

        Assert.Equal((Mac, "bypassed"), (binding.MacAddress, binding.Type));
        Assert.False(badType.Succeeded);
        Assert.Equal("hotel-lobby", await client.GetIdentityAsync(None));
        Assert.Equal((6, 49, 10, "long-term"), (resource.Version.Major, resource.Version.Minor, resource.Version.Patch, resource.Version.Channel));
    }
}
