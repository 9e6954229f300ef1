using Hotspot.Drivers;
using Hotspot.Secrets;

namespace Hotspot.Tests.Unifi;

/// <summary>Certificate validation, pinning, the lab opt-in, and the API key: from the secret store, never in a log or message.</summary>
public sealed class UnifiDriverSecurityTests
{
    private const string OtherPin = "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";

    [Fact]
    public async Task The_pinned_certificate_is_accepted_even_though_it_is_self_signed()
    {
        await using var bed = await UnifiTestBed.StartAsync();

        var info = await bed.Driver(pin: bed.Simulator.CertificateSha256!.ToLowerInvariant()).TestConnectionAsync(default);

        Assert.Equal("unifi", info.Kind);
    }

    [Fact]
    public async Task A_certificate_that_does_not_match_the_pin_is_refused_without_retrying()
    {
        await using var bed = await UnifiTestBed.StartAsync();

        var e = await Assert.ThrowsAsync<ControllerException>(() => bed.Driver(pin: OtherPin).TestConnectionAsync(default));

        Assert.Equal(ControllerError.TlsFailure, e.Error);
        Assert.Contains("does not match the pinned", e.Message, StringComparison.Ordinal);
        Assert.Empty(bed.Requests);
    }

    [Fact]
    public async Task Without_a_pin_a_self_signed_certificate_is_refused()
    {
        await using var bed = await UnifiTestBed.StartAsync();

        var e = await Assert.ThrowsAsync<ControllerException>(() => bed.Driver(pin: null).TestConnectionAsync(default));

        Assert.Equal(ControllerError.TlsFailure, e.Error);
        Assert.Contains("pin its SHA-256 fingerprint", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lab_opt_in_accepts_any_certificate_but_not_together_with_a_pin()
    {
        await using var bed = await UnifiTestBed.StartAsync();

        var info = await bed.Driver(pin: null, acceptAny: true).TestConnectionAsync(default);

        Assert.Equal("unifi", info.Kind);
        Assert.Throws<ArgumentException>(() => bed.Driver(acceptAny: true));
    }

    [Fact]
    public async Task A_rejected_key_is_reported_and_appears_in_no_log_and_no_message()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        const string wrongKey = "wrong-key-a8d3b1";
        await bed.Secrets.SetAsync(SecretNames.RouterUnifiApiKey(UnifiTestBed.RouterId), wrongKey, default);

        var e = await Assert.ThrowsAsync<ControllerException>(() => bed.Driver().TestConnectionAsync(default));

        Assert.Equal(ControllerError.CredentialsRejected, e.Error);
        Assert.Contains("401", e.Message, StringComparison.Ordinal);
        Assert.NotEmpty(bed.Logs.Lines);
        Assert.DoesNotContain(bed.Logs.Lines, line => line.Contains(wrongKey, StringComparison.Ordinal));
        Assert.DoesNotContain(wrongKey, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_successful_flow_logs_requests_but_never_the_key()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.JoinAsync(MacAddress.Parse("1c:71:25:63:e4:24"));

        await bed.Driver().AuthorizeAsync(new GuestAuthorization(new GuestDevice(MacAddress.Parse("1c:71:25:63:e4:24")), new AccessBudget(TimeSpan.FromHours(1))), default);

        Assert.Contains(bed.Logs.Lines, line => line.Contains("X-API-KEY", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(bed.Logs.Lines, line => line.Contains(UnifiTestBed.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_router_without_a_stored_key_is_refused_before_calling_the_controller()
    {
        await using var bed = await UnifiTestBed.StartAsync();
        await bed.Secrets.DeleteAsync(SecretNames.RouterUnifiApiKey(UnifiTestBed.RouterId), default);

        var e = await Assert.ThrowsAsync<ControllerException>(() => bed.Driver().TestConnectionAsync(default));

        Assert.Equal(ControllerError.CredentialsRejected, e.Error);
        Assert.Empty(bed.Requests);
    }
}
