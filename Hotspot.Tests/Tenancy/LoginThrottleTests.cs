using System.Net;
using Hotspot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Tenancy;

/// <summary>Brute force: 5 failures per account or 20 per address in 15 minutes lock further attempts until the window passes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LoginThrottleTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password_until_the_window_passes()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await host.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", json: new { email = TenancyHost.RootEmail, password = $"guess-{attempt}" });
            host.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        using (var locked = await host.SendAsync(HttpMethod.Post, "/api/v1/auth/login", json: new { email = TenancyHost.RootEmail, password = TenancyHost.RootPassword }))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            var retryAfter = locked.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
            // The first failure leaves the window 15 minutes after it happened, 50 s ago.
            Assert.InRange(retryAfter.TotalSeconds, (15 * 60) - 51, (15 * 60) - 49);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(14));
        await host.ExpectAsync(HttpStatusCode.TooManyRequests, HttpMethod.Post, "/api/v1/auth/login", json: new { email = TenancyHost.RootEmail, password = TenancyHost.RootPassword });

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.LoginRootAsync();

        // Retention: records with a failure inside the window stay; once it leaves, the sweep drops them.
        await host.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", json: new { email = TenancyHost.RootEmail, password = "one-more-guess" });
        var throttle = host.Host.Services.GetRequiredService<Hotspot.Auth.LoginThrottle>();
        Assert.Equal(0, await throttle.DropStaleAsync(CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(2, await throttle.DropStaleAsync(CancellationToken.None));
        Assert.DoesNotContain("LoginThrottle.PartitionKey=", await TableScan.AllValuesAsync(host.Host.Services), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_failures_from_one_address_lock_every_account_from_it()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await host.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", json: new { email = $"user{attempt}@spray.test", password = "password-guess" });
        }

        // The root account has no failures of its own, but this address has used its allowance.
        using var locked = await host.SendAsync(HttpMethod.Post, "/api/v1/auth/login", json: new { email = TenancyHost.RootEmail, password = TenancyHost.RootPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter?.Delta);

        host.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        await host.LoginRootAsync();
    }

    [Fact]
    public async Task Failures_below_the_limit_do_not_lock_and_a_success_clears_the_account()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 0; attempt < 4; attempt++)
            {
                await host.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", json: new { email = TenancyHost.RootEmail, password = $"guess-{attempt}" });
            }

            await host.LoginRootAsync();
        }
    }
}
