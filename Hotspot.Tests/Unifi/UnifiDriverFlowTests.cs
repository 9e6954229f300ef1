using Hotspot.Drivers;

namespace Hotspot.Tests.Unifi;

/// <summary>The seed-003 flow through <see cref="IGuestAccessController"/> against the simulator over HTTPS (pinned).</summary>
public sealed class UnifiDriverFlowTests
{
    private static readonly MacAddress Guest = MacAddress.Parse("1c:71:25:63:e4:24");
    private static readonly AccessBudget TwoHours = new(TimeSpan.FromMinutes(120), 500, 100, 100);

    [Fact]
    public async Task Authorize_makes_the_seeds_four_calls_in_order_and_reports_what_the_controller_states()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        var clientId = await bed.JoinAsync(Guest);
        var driver = bed.Driver();

        var status = await driver.AuthorizeAsync(new GuestAuthorization(new GuestDevice(Guest, "default"), TwoHours), default);

        var siteId = bed.Simulator.State.AddSite("default");
        Assert.Equal(
        [
            "GET /v1/sites?filter=internalReference.eq('default')",
            $"GET /v1/sites/{siteId}/clients?filter=macAddress.eq('1c:71:25:63:e4:24')",
            $"POST /v1/sites/{siteId}/clients/{clientId}/actions",
            $"GET /v1/sites/{siteId}/clients/{clientId}",
        ], bed.Requests);
        Assert.True(status.Authorized);
        Assert.Equal(clientId, status.Host.DeviceId);
        Assert.Equal(status.AuthorizedAt!.Value.AddMinutes(120), status.ExpiresAt);
        Assert.Equal(TwoHours, status.Limits);
    }

    [Fact]
    public async Task The_site_id_is_looked_up_once_and_reused()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.JoinAsync(Guest);
        var driver = bed.Driver();

        Assert.NotNull(await driver.FindDeviceAsync(new GuestDevice(Guest), default));
        Assert.NotNull(await bed.Driver().GetStatusAsync(new GuestDevice(Guest), default));

        Assert.Single(bed.Requests, r => r.StartsWith("GET /v1/sites?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_time_limit_is_always_sent_so_the_site_default_never_applies()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.JoinAsync(Guest);

        var status = await bed.Driver().AuthorizeAsync(new GuestAuthorization(new GuestDevice(Guest), new AccessBudget(TimeSpan.FromSeconds(150))), default);

        Assert.Equal(status.AuthorizedAt!.Value.AddMinutes(2), status.ExpiresAt);
        Assert.Null(status.Limits!.DataLimitMBytes);
    }

    [Fact]
    public async Task Reauthorizing_replaces_the_authorization_and_resets_its_counters()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.JoinAsync(Guest);
        var driver = bed.Driver();
        await driver.AuthorizeAsync(new GuestAuthorization(new GuestDevice(Guest), TwoHours), default);
        Assert.True(bed.Simulator.State.AddUsage(Guest, 3_000, 1_000));
        await bed.AdvanceClockAsync(TimeSpan.FromMinutes(10));

        var second = await driver.AuthorizeAsync(new GuestAuthorization(new GuestDevice(Guest), new AccessBudget(TimeSpan.FromMinutes(30))), default);

        Assert.True(second.Authorized);
        Assert.Equal(second.AuthorizedAt!.Value.AddMinutes(30), second.ExpiresAt);
        Assert.Equal(0, second.Usage!.DownloadBytes);
    }

    [Fact]
    public async Task Status_reports_usage_and_turns_unauthorized_when_the_controller_lets_the_authorization_expire()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.JoinAsync(Guest, wired: true);
        var driver = bed.Driver();
        await driver.AuthorizeAsync(new GuestAuthorization(new GuestDevice(Guest), new AccessBudget(TimeSpan.FromMinutes(5))), default);
        bed.Simulator.State.AddUsage(Guest, 2_048, 512);

        var during = await driver.GetStatusAsync(new GuestDevice(Guest), default);
        await bed.AdvanceClockAsync(TimeSpan.FromMinutes(5));
        var after = await driver.GetStatusAsync(new GuestDevice(Guest), default);

        Assert.True(during!.Authorized);
        Assert.Equal(ConnectionKind.Wired, during.Host.Connection);
        Assert.Equal((2_048L, 512L), (during.Usage!.DownloadBytes!.Value, during.Usage.UploadBytes!.Value));
        Assert.False(after!.Authorized);
        Assert.Null(after.ExpiresAt);
        Assert.Empty(await driver.ListActiveGuestsAsync(null, default));
    }

    [Fact]
    public async Task Deauthorizing_revokes_and_disconnects_and_a_second_time_says_there_was_nothing_to_revoke()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.JoinAsync(Guest);
        var driver = bed.Driver();
        await driver.AuthorizeAsync(new GuestAuthorization(new GuestDevice(Guest), TwoHours), default);

        Assert.True(await driver.DeauthorizeAsync(new GuestDevice(Guest), default));
        Assert.Null(await driver.GetStatusAsync(new GuestDevice(Guest), default));
        Assert.False(await driver.DeauthorizeAsync(new GuestDevice(Guest), default));
    }

    [Fact]
    public async Task Lists_walk_every_page_and_active_guests_are_the_authorized_guests_only()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        for (var i = 0; i < 230; i++)
        {
            bed.Simulator.State.Join(MacAddress.Parse($"02:00:00:00:{i / 256:x2}:{i % 256:x2}"), "default");
        }

        await bed.JoinAsync(Guest);
        await bed.JoinAsync(MacAddress.Parse("aa:bb:cc:00:00:01"), guest: false);
        var driver = bed.Driver();
        await driver.AuthorizeAsync(new GuestAuthorization(new GuestDevice(Guest), TwoHours), default);

        var known = await driver.ListKnownHostsAsync(null, default);
        var active = await driver.ListActiveGuestsAsync("default", default);

        Assert.Equal(232, known.Select(h => h.Mac).Distinct().Count());
        Assert.Contains(known, h => h.Mac == MacAddress.Parse("aa:bb:cc:00:00:01") && !h.IsGuest);
        Assert.Equal(Guest, Assert.Single(active).Mac);
    }

    [Fact]
    public async Task A_device_the_controller_does_not_see_is_not_found_and_cannot_be_authorized()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        var driver = bed.Driver();

        Assert.Null(await driver.FindDeviceAsync(new GuestDevice(Guest), default));
        Assert.Null(await driver.GetStatusAsync(new GuestDevice(Guest), default));
        var e = await Assert.ThrowsAsync<ControllerException>(() =>
            driver.AuthorizeAsync(new GuestAuthorization(new GuestDevice(Guest), TwoHours), default));
        Assert.Equal((ControllerError.DeviceNotFound, "Mac"), (e.Error, e.Field));
    }

    [Fact]
    public async Task A_device_outside_the_captive_portal_is_refused_as_not_a_guest()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.JoinAsync(Guest, guest: false);

        var e = await Assert.ThrowsAsync<ControllerException>(() =>
            bed.Driver().AuthorizeAsync(new GuestAuthorization(new GuestDevice(Guest), TwoHours), default));

        Assert.Equal(ControllerError.NotAGuest, e.Error);
        Assert.DoesNotContain(bed.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_site_is_named_as_such()
    {
        await using var bed = await UnifiTestBed.StartAsync();

        var e = await Assert.ThrowsAsync<ControllerException>(() => bed.Driver().FindDeviceAsync(new GuestDevice(Guest, "lobby"), default));

        Assert.Equal((ControllerError.UnknownSite, "Site"), (e.Error, e.Field));
        Assert.Contains("lobby", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, null, null, null, "TimeLimit")]
    [InlineData(1_000_001.0, null, null, null, "TimeLimit")]
    [InlineData(60.0, 0L, null, null, "DataLimitMBytes")]
    [InlineData(60.0, 1_048_577L, null, null, "DataLimitMBytes")]
    [InlineData(60.0, null, 1, null, "DownloadKbps")]
    [InlineData(60.0, null, null, 100_001, "UploadKbps")]
    public async Task Limits_outside_the_APIs_ranges_are_refused_naming_the_field_before_anything_is_sent(
        double minutes, long? dataMb, int? downKbps, int? upKbps, string field)
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.JoinAsync(Guest);

        var e = await Assert.ThrowsAsync<ControllerException>(() => bed.Driver().AuthorizeAsync(
            new GuestAuthorization(new GuestDevice(Guest), new AccessBudget(TimeSpan.FromMinutes(minutes), dataMb, downKbps, upKbps)), default));

        Assert.Equal((ControllerError.LimitOutOfRange, field), (e.Error, e.Field));
        Assert.Empty(bed.Requests);
    }

    [Fact]
    public async Task Limits_at_the_edges_of_the_ranges_are_accepted_by_the_controller()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.JoinAsync(Guest);
        var edges = new AccessBudget(TimeSpan.FromMinutes(1_000_000), 1_048_576, 2, 100_000);

        var status = await bed.Driver().AuthorizeAsync(new GuestAuthorization(new GuestDevice(Guest), edges), default);

        Assert.Equal(edges, status.Limits);
    }

    [Fact]
    public async Task Test_connection_reports_the_application_version()
    {
        await using var bed = await UnifiTestBed.StartAsync();

        var info = await bed.Driver().TestConnectionAsync(default);

        Assert.Equal(new ControllerInfo("unifi", "9.1.105-sim"), info);
    }
}
