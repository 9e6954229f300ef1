using System.Net;
using System.Net.Http.Json;
using Hotspot.Auth;
using Hotspot.Hosting;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Tenancy;

/// <summary>
/// Behind Azure's two proxies (front end, then Functions host) every request comes from the same peer; the per-address
/// admin-login throttle must still count each guest apart, and a guest must not pick another's bucket by sending its
/// own X-Forwarded-For. The DevHost runs with the Functions app's hop count and receives the chain the host delivers.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ForwardedAddressThrottleTests(AzuriteFixture azurite)
{
    private const string FrontEnd = "10.0.4.17";
    private const string Sprayer = "203.0.113.7";
    private const string Neighbour = "198.51.100.9";

    [Fact]
    public async Task An_address_locked_behind_the_proxies_locks_only_itself_and_a_forged_entry_does_not_escape_it()
    {
        await using var host = await TenancyHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            [ConfigurationKeys.ClientAddressForwardedHops] = ClientAddressOptions.AzureFunctionsHops.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        for (var attempt = 0; attempt < LoginThrottle.AddressLimit; attempt++)
        {
            using var failed = await LoginAsync(host, $"{Sprayer}:{40000 + attempt}, {FrontEnd}", $"user{attempt}@spray.test", "password-guess");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using (var locked = await LoginAsync(host, $"{Sprayer}:41000, {FrontEnd}", TenancyHost.RootEmail, TenancyHost.RootPassword))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        }

        // The sprayer names the neighbour in its own header: the front end appends the sprayer's real address after it.
        using (var forged = await LoginAsync(host, $"{Neighbour}, {Sprayer}:41001, {FrontEnd}", TenancyHost.RootEmail, TenancyHost.RootPassword))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, forged.StatusCode);
        }

        using var neighbour = await LoginAsync(host, $"{Neighbour}:52000, {FrontEnd}", TenancyHost.RootEmail, TenancyHost.RootPassword);
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    private static async Task<HttpResponseMessage> LoginAsync(TenancyHost host, string forwardedFor, string email, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        return await host.Host.Client.SendAsync(request);
    }
}
