using Hotspot.Mikrotik;
using Hotspot.RouterOs;

namespace Hotspot.Tests.RouterOs;

public sealed class TlsTests
{
    [Fact]
    public async Task A_pinned_certificate_is_accepted()
    {
        await using var router = RunningRouter.Start(tls: true);

        var connection = await router.ConnectAsync(router.TlsEndpoint(new RouterOsTlsOptions { PinnedSha256 = router.Simulator.CertificateSha256 }));

        Assert.Equal("MikroTik", await connection.GetIdentityAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_pin_mismatch_is_refused_and_says_why()
    {
        await using var router = RunningRouter.Start(tls: true);
        var wrongPin = new string('A', 64);

        var failure = await Assert.ThrowsAsync<RouterOsConnectionException>(() => router.ConnectAsync(router.TlsEndpoint(new RouterOsTlsOptions { PinnedSha256 = wrongPin })));

        Assert.Equal(RouterOsFailure.Tls, failure.Failure);
        Assert.Contains("pin mismatch", failure.Message, StringComparison.Ordinal);
        Assert.Contains(router.Simulator.CertificateSha256!, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_self_signed_certificate_without_a_pin_is_not_trusted()
    {
        await using var router = RunningRouter.Start(tls: true);

        var failure = await Assert.ThrowsAsync<RouterOsConnectionException>(() => router.ConnectAsync(router.TlsEndpoint(new RouterOsTlsOptions())));

        Assert.Equal(RouterOsFailure.Tls, failure.Failure);
        Assert.Contains("not trusted", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_any_certificate_is_an_explicit_lab_option()
    {
        await using var router = RunningRouter.Start(tls: true);

        var connection = await router.ConnectAsync(router.TlsEndpoint(new RouterOsTlsOptions { AcceptAnyCertificate = true }));

        Assert.Equal("MikroTik", await connection.GetIdentityAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Tls_against_the_plain_api_port_fails_as_tls()
    {
        await using var router = RunningRouter.Start();
        var endpoint = router.Endpoint() with { Tls = new RouterOsTlsOptions { AcceptAnyCertificate = true }, ConnectTimeout = TimeSpan.FromSeconds(2) };

        var failure = await Assert.ThrowsAsync<RouterOsConnectionException>(() => router.ConnectAsync(endpoint));

        Assert.True(failure.Failure is RouterOsFailure.Tls or RouterOsFailure.TimedOut, failure.Message);
    }
}
