using System.Net;
using System.Net.Http.Json;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Simulators.RouterOs;

namespace Hotspot.Tests.RouterOs;

/// <summary>Where the simulator used to differ from RouterOS, found by probing it with a third-party client (issue 18, item 4).</summary>
public sealed class SimulatorFidelityTests
{
    private const string Mac = "AA:BB:CC:00:11:22";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Booleans_typed_as_yes_or_no_print_as_true_or_false_and_a_user_added_disabled_cannot_log_in()
    {
        await using var router = RunningRouter.Start();
        var client = await router.ConnectAsync();
        router.State.AddHost(Mac, "10.5.50.7");

        await client.SendAsync(new RouterOsCommand("/ip/hotspot/user/add").With("name", "ana").With("password", "1").With("disabled", "yes"), None);
        await client.SendAsync(new RouterOsCommand("/ip/hotspot/user/profile/add").With("name", "plain").With("add-mac-cookie", "no"), None);
        var notBoolean = await client.SendAsync(new RouterOsCommand("/ip/hotspot/user/add").With("name", "bea").With("disabled", "maybe"), None);
        var login = await client.SendAsync(HotspotCommands.LoginActive("ana", "1", "10.5.50.7", Mac), None);

        var user = Assert.Single((await client.SendAsync(RouterOsCommand.Print(MikrotikMenus.HotspotUsers), None)).Rows);
        var profile = (await client.SendAsync(RouterOsCommand.Print(MikrotikMenus.HotspotUserProfiles), None)).Rows.Single(r => r["name"] == "plain");
        Assert.Equal("true", user["disabled"]);
        Assert.Equal("false", profile["add-mac-cookie"]);
        Assert.False(notBoolean.Succeeded);
        Assert.False(login.Succeeded);
        Assert.Empty(await client.GetHotspotActiveAsync(null, None));
    }

    [Fact]
    public async Task Mac_addresses_are_kept_as_RouterOs_prints_them_so_a_binding_typed_with_dashes_lets_its_device_in()
    {
        await using var router = RunningRouter.Start();
        var client = await router.ConnectAsync();
        router.State.AddHost(Mac, "10.5.50.7");

        await client.SendAsync(new RouterOsCommand("/ip/hotspot/user/add").With("name", "ana").With("password", "1").With("mac-address", "aa-bb-cc-00-11-22"), None);
        var invalid = await client.SendAsync(new RouterOsCommand("/ip/hotspot/user/add").With("name", "bea").With("mac-address", "not-a-mac"), None);
        var invalidBinding = await client.SendAsync(new RouterOsCommand("/ip/hotspot/ip-binding/add").With("mac-address", "aa:bb"), None);
        await client.LoginHotspotDeviceAsync("ana", "1", "10.5.50.7", "aa:bb:cc:00:11:22", None);

        Assert.Equal(Mac, Assert.Single(await client.GetHotspotUsersAsync(null, None)).MacAddress);
        Assert.Equal("invalid value of mac-address, mac address required", Assert.Single(invalid.Traps).Message);
        Assert.Equal("invalid value of mac-address, mac address required", Assert.Single(invalidBinding.Traps).Message);
        var session = Assert.Single(await client.GetHotspotActiveAsync(null, None));
        Assert.Equal(("ana", Mac), (session.User, session.MacAddress));
    }

    [Fact]
    public async Task A_device_holds_one_session_so_a_second_login_for_it_is_refused()
    {
        await using var router = RunningRouter.Start();
        var client = await router.ConnectAsync();
        router.State.AddHost(Mac, "10.5.50.7");
        await client.AddHotspotUserAsync(new NewHotspotUser("ana", "1"), None);
        await client.AddHotspotUserAsync(new NewHotspotUser("bea", "2"), None);
        await client.LoginHotspotDeviceAsync("ana", "1", "10.5.50.7", Mac, None);

        var second = await client.SendAsync(HotspotCommands.LoginActive("bea", "2", "10.5.50.7", Mac), None);

        Assert.False(second.Succeeded);
        Assert.Equal("ana", Assert.Single(await client.GetHotspotActiveAsync(null, None)).User);
    }

    [Fact]
    public async Task Where_a_second_login_is_set_to_replace_the_devices_session_its_time_goes_to_the_first_user()
    {
        await using var router = RunningRouter.Start(configure: o => o with { SecondLoginOnDevice = SecondLogin.Replace });
        var client = await router.ConnectAsync();
        router.State.AddHost(Mac, "10.5.50.7");
        await client.AddHotspotUserAsync(new NewHotspotUser("ana", "1"), None);
        await client.AddHotspotUserAsync(new NewHotspotUser("bea", "2"), None);
        await client.LoginHotspotDeviceAsync("ana", "1", "10.5.50.7", Mac, None);
        router.Simulator.Clock.Advance(TimeSpan.FromMinutes(5));

        await client.LoginHotspotDeviceAsync("bea", "2", "10.5.50.7", Mac, None);

        Assert.Equal("bea", Assert.Single(await client.GetHotspotActiveAsync(null, None)).User);
        Assert.Equal(TimeSpan.FromMinutes(5), (await client.FindHotspotUserAsync("ana", None))!.Uptime);
    }

    [Fact]
    public async Task A_device_that_joins_again_through_the_control_port_loses_its_old_session()
    {
        await using var router = RunningRouter.Start();
        await using var control = await RouterOsControlPort.StartAsync(router.Simulator, 0);
        using var http = new HttpClient { BaseAddress = new Uri(control.Urls.Single()) };
        var client = await router.ConnectAsync();
        await client.AddHotspotUserAsync(new NewHotspotUser("ana", "1"), None);
        router.State.AddHost(Mac, "10.5.50.7");
        await client.LoginHotspotDeviceAsync("ana", "1", "10.5.50.7", Mac, None);
        router.Simulator.Clock.Advance(TimeSpan.FromMinutes(3));

        using var joined = await http.PostAsJsonAsync("/hosts", new Dictionary<string, string> { ["mac-address"] = "aa-bb-cc-00-11-22", ["address"] = "10.5.50.9" });

        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Empty(await client.GetHotspotActiveAsync(null, None));
        var host = Assert.Single(await client.GetHotspotHostsAsync(null, None));
        Assert.Equal((Mac, "10.5.50.9", false), (host.MacAddress, host.Address, host.Authorized));
        Assert.Equal(TimeSpan.FromMinutes(3), (await client.FindHotspotUserAsync("ana", None))!.Uptime);
    }

    [Theory]
    [InlineData("/system/routerboard/getall", "routerboard")]
    [InlineData("/ip/hotspot/nothing/print", "nothing")]
    [InlineData("/caps-man/interface/print", "caps-man")]
    public async Task An_unknown_command_names_its_first_unknown_word(string path, string word)
    {
        await using var router = RunningRouter.Start();
        var client = await router.ConnectAsync();

        var reply = await client.SendAsync(new RouterOsCommand(path), None);

        Assert.Equal(["no such command or directory (" + word + ")", "no such command prefix"], reply.Traps.Select(t => t.Message));
    }
}
