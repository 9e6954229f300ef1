using Hotspot.Drivers;
using Hotspot.Simulators.Unifi;

namespace Hotspot.Tests.Unifi;

/// <summary>Every fault mode of the simulator ends in a defined answer: a success after a retry, or a ControllerException.</summary>
public sealed class UnifiDriverResilienceTests
{
    private static readonly MacAddress Guest = MacAddress.Parse("42:8a:f7:3c:50:b0");
    private static readonly GuestAuthorization OneHour = new(new GuestDevice(Guest), new AccessBudget(TimeSpan.FromHours(1)));

    [Theory]
    [InlineData(500, null)]
    [InlineData(503, null)]
    [InlineData(429, 1)]
    public async Task A_read_that_fails_once_with_a_transient_status_is_retried_and_succeeds(int status, int? retryAfter)
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.JoinAsync(Guest);
        await bed.FaultAsync(new UnifiFault(UnifiFault.StatusMode, status, retryAfter, Method: "GET", PathContains: "/clients", Times: 1));

        var host = await bed.Driver().FindDeviceAsync(new GuestDevice(Guest), default);

        Assert.Equal(Guest, host!.Mac);
        Assert.Equal(2, bed.Requests.Count(r => r.Contains("/clients?", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_dropped_connection_on_a_read_is_retried()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.FaultAsync(new UnifiFault(UnifiFault.DropMode, Times: 1));

        var info = await bed.Driver().TestConnectionAsync(default);

        Assert.Equal("9.1.105-sim", info.Version);
    }

    [Theory]
    [InlineData(UnifiFault.StatusMode, 500)]
    [InlineData(UnifiFault.StatusMode, 429)]
    [InlineData(UnifiFault.DropMode, null)]
    public async Task An_authorization_that_fails_is_not_repeated_and_says_the_controller_is_unavailable(string mode, int? status)
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.JoinAsync(Guest);
        await bed.FaultAsync(new UnifiFault(mode, status, RetryAfterSeconds: status == 429 ? 1 : null, Method: "POST", Times: 1));

        var e = await Assert.ThrowsAsync<ControllerException>(() => bed.Driver().AuthorizeAsync(OneHour, default));

        Assert.Equal(ControllerError.Unavailable, e.Error);
        Assert.Single(bed.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
        Assert.False((await bed.Driver().GetStatusAsync(new GuestDevice(Guest), default))!.Authorized);
    }

    [Fact]
    public async Task A_controller_that_keeps_failing_is_reported_unavailable_after_the_retries()
    {
        await using var bed = await UnifiTestBed.StartAsync(o => o.MaxRetries = 2);
        await bed.FaultAsync(new UnifiFault(UnifiFault.StatusMode, 500));

        var e = await Assert.ThrowsAsync<ControllerException>(() => bed.Driver().TestConnectionAsync(default));

        Assert.Equal(ControllerError.Unavailable, e.Error);
        Assert.Contains("500", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, bed.Requests.Count);
    }

    [Fact]
    public async Task A_slow_controller_is_cut_off_by_the_time_budget()
    {
        await using var bed = await UnifiTestBed.StartAsync(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.TotalTimeout = TimeSpan.FromSeconds(1);
            o.MaxRetries = 1;
        });
        await bed.FaultAsync(new UnifiFault(UnifiFault.SlowMode, DelayMs: 30_000));

        var e = await Assert.ThrowsAsync<ControllerException>(() => bed.Driver().TestConnectionAsync(default));

        Assert.Equal(ControllerError.Unavailable, e.Error);
    }

    [Fact]
    public async Task A_whole_operation_is_bounded_even_when_each_request_is_within_its_own_budget()
    {
        await using var bed = await UnifiTestBed.StartAsync(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.TotalTimeout = TimeSpan.FromSeconds(5);
            o.OperationTimeout = TimeSpan.FromMilliseconds(500);
        });
        await bed.JoinAsync(Guest);
        await bed.FaultAsync(new UnifiFault(UnifiFault.SlowMode, DelayMs: 400));

        var e = await Assert.ThrowsAsync<ControllerException>(() => bed.Driver().AuthorizeAsync(OneHour, default));

        Assert.Equal(ControllerError.Unavailable, e.Error);
        Assert.Contains("operation", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authorization_applied_late_is_reported_unauthorized_until_the_controller_shows_it()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.JoinAsync(Guest);
        await bed.FaultAsync(new UnifiFault(UnifiFault.LateApplyMode, LateSeconds: 20, Times: 1));
        var driver = bed.Driver();

        var reported = await driver.AuthorizeAsync(OneHour, default);
        await bed.AdvanceClockAsync(TimeSpan.FromSeconds(20));
        var later = await driver.GetStatusAsync(new GuestDevice(Guest), default);

        Assert.False(reported.Authorized);
        Assert.Null(reported.ExpiresAt);
        Assert.True(later!.Authorized);
        Assert.NotNull(later.ExpiresAt);
    }

    [Fact]
    public async Task An_authorization_not_yet_applied_is_still_revoked_so_it_never_comes_alive()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.JoinAsync(Guest);
        await bed.FaultAsync(new UnifiFault(UnifiFault.LateApplyMode, LateSeconds: 20, Times: 1));
        var driver = bed.Driver();
        await driver.AuthorizeAsync(OneHour, default);

        var revoked = await driver.DeauthorizeAsync(new GuestDevice(Guest), default);
        await bed.AdvanceClockAsync(TimeSpan.FromSeconds(20));
        var later = await driver.GetStatusAsync(new GuestDevice(Guest), default);

        Assert.True(revoked);
        Assert.False(later?.Authorized ?? false);
    }

    [Fact]
    public async Task A_controller_without_the_Integration_API_is_said_so()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.FaultAsync(new UnifiFault(UnifiFault.StatusMode, 404));

        var e = await Assert.ThrowsAsync<ControllerException>(() => bed.Driver().TestConnectionAsync(default));

        Assert.Equal(ControllerError.UnexpectedResponse, e.Error);
        Assert.Contains("/proxy/network/integration", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_controller_trips_its_own_circuit_and_not_another_ones()
    {
        await using var bed = await UnifiTestBed.StartAsync(o =>
        {
            o.MaxRetries = 0;
            o.BreakerMinimumThroughput = 2;
            o.BreakerFailureRatio = 0.5;
            o.BreakDuration = TimeSpan.FromMinutes(1);
        });
        await using var healthy = await UnifiSimulator.StartAsync(new UnifiSimulatorOptions { ApiKey = UnifiTestBed.Key }, default);
        await bed.FaultAsync(new UnifiFault(UnifiFault.StatusMode, 500));
        var driver = bed.Driver();

        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<ControllerException>(() => driver.TestConnectionAsync(default));
        }

        var open = await Assert.ThrowsAsync<ControllerException>(() => driver.TestConnectionAsync(default));
        var other = await bed.Driver(pin: healthy.CertificateSha256, baseUrl: healthy.ApiBaseUrl).TestConnectionAsync(default);

        Assert.Equal(ControllerError.Unavailable, open.Error);
        Assert.Contains("recent requests failed", open.Message, StringComparison.Ordinal);
        Assert.Equal(2, bed.Requests.Count);
        Assert.Equal("9.1.105-sim", other.Version);
    }
}
