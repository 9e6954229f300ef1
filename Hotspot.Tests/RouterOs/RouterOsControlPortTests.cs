using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Simulators.RouterOs;

namespace Hotspot.Tests.RouterOs;

/// <summary>The simulator's control port, as a portal developer drives it over HTTP.</summary>
public sealed class RouterOsControlPortTests
{
    [Fact]
    public async Task Devices_join_and_leave_the_clock_moves_faults_apply_and_the_state_and_sentences_read_back()
    {
        await using var router = RunningRouter.Start();
        await using var control = await RouterOsControlPort.StartAsync(router.Simulator, 0);
        using var http = new HttpClient { BaseAddress = new Uri(control.Urls.Single()) };
        var client = await router.ConnectAsync();
        await client.AddHotspotUserAsync(new NewHotspotUser("ana", "1234") { LimitUptime = TimeSpan.FromMinutes(1) }, default);

        using (var joined = await http.PostAsJsonAsync("/hosts", new Dictionary<string, string> { ["mac-address"] = "aa:bb:cc:dd:ee:01", ["address"] = "10.5.50.7" }))
        {
            Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        }

        using (var bad = await http.PostAsJsonAsync("/hosts", new Dictionary<string, string> { ["mac-address"] = "not-a-mac", ["address"] = "10.5.50.7" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        await client.LoginHotspotDeviceAsync("ana", "1234", "10.5.50.7", "AA:BB:CC:DD:EE:01", default);
        using (var advanced = await http.PostAsJsonAsync("/clock/advance", new { seconds = 90 }))
        {
            Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        }

        var state = JsonDocument.Parse(await http.GetStringAsync(new Uri("/state", UriKind.Relative))).RootElement;
        Assert.Equal(0, state.GetProperty("/ip/hotspot/active").GetArrayLength());
        Assert.Equal("1m", state.GetProperty("/ip/hotspot/user")[0].GetProperty("uptime").GetString());
        var sentences = await http.GetStringAsync(new Uri("/sentences", UriKind.Relative));
        Assert.Contains("/ip/hotspot/active/login", sentences, StringComparison.Ordinal);

        using (var left = await http.DeleteAsync(new Uri("/hosts/AA:BB:CC:DD:EE:01", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        }

        using (var faults = await http.PostAsJsonAsync("/faults", new Dictionary<string, object> { ["latency-ms"] = 5 }))
        {
            Assert.Equal(HttpStatusCode.OK, faults.StatusCode);
        }

        Assert.Equal(5, router.Simulator.Faults.LatencyMs);
        Assert.Empty(await client.GetHotspotHostsAsync(null, default));
    }

    [Fact]
    public async Task A_quiet_device_shows_a_growing_idle_time_and_still_counters_until_it_resumes()
    {
        await using var router = RunningRouter.Start();
        await using var control = await RouterOsControlPort.StartAsync(router.Simulator, 0);
        using var http = new HttpClient { BaseAddress = new Uri(control.Urls.Single()) };
        var client = await router.ConnectAsync();
        await client.AddHotspotUserAsync(new NewHotspotUser("ana", "1234"), default);
        router.State.AddHost("AA:BB:CC:DD:EE:01", "10.5.50.7");
        await client.LoginHotspotDeviceAsync("ana", "1234", "10.5.50.7", "AA:BB:CC:DD:EE:01", default);
        router.Simulator.Clock.Advance(TimeSpan.FromSeconds(60));

        using (var quiet = await http.PostAsync(new Uri("/hosts/aa:bb:cc:dd:ee:01/quiet", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, quiet.StatusCode);
        }

        router.Simulator.Clock.Advance(TimeSpan.FromSeconds(120));
        var idle = Assert.Single(await client.GetHotspotActiveAsync(null, default));
        var idleRow = Assert.Single((await client.SendAsync(RouterOsCommand.Print(MikrotikMenus.HotspotActive), default)).Rows);
        using (var resumed = await http.DeleteAsync(new Uri("/hosts/AA:BB:CC:DD:EE:01/quiet", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        }

        var busyRow = Assert.Single((await client.SendAsync(RouterOsCommand.Print(MikrotikMenus.HotspotActive), default)).Rows);

        Assert.Equal(TimeSpan.FromMinutes(3), idle.Uptime);
        Assert.Equal(TimeSpan.FromMinutes(2), idleRow.GetDuration("idle-time"));
        Assert.Equal(60_000, idle.BytesIn);
        Assert.Equal(TimeSpan.Zero, busyRow.GetDuration("idle-time"));
    }

    [Theory]
    [InlineData(new[] { "--api-port", "0", "--version", "6.49.10 (long-term)", "--password", "pw", "--latency-ms", "20" }, true)]
    [InlineData(new[] { "--api-port" }, false)]
    [InlineData(new[] { "--api-port", "99999" }, false)]
    [InlineData(new[] { "--colour", "blue" }, false)]
    public void The_cli_reads_its_options(string[] args, bool valid)
    {
        var parsed = RouterOsSimulatorCli.Parse(args);
        Assert.Equal(valid, parsed is not null);
        if (valid)
        {
            Assert.Equal(("6.49.10 (long-term)", "pw", 20, 0), (parsed!.Value.Options.Version, parsed.Value.Options.Password, parsed.Value.Options.LatencyMs, parsed.Value.Options.ApiPort));
        }
    }
}
