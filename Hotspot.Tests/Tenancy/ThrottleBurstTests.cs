using System.Net;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Tenancy;

/// <summary>
/// A burst of parallel attempts, spread over two instances, verifies at most the allowed number of passwords: an attempt
/// is reserved in the shared throttle table before the password is checked.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ThrottleBurstTests(AzuriteFixture azurite)
{
    private const int Burst = 30;

    [Fact]
    public async Task Thirty_parallel_wrong_passwords_for_one_account_check_at_most_five()
    {
        var (first, second) = await SharedTables.StartTwoAsync(azurite);
        await using (first)
        await using (second)
        {
            var statuses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(i => StatusAsync(
                i % 2 == 0 ? first : second, HttpMethod.Post, "/api/v1/auth/login", null, new { email = TenancyHost.RootEmail, password = $"guess-{i}" })));

            Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Unauthorized));
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"got {(int)s}"));
            await first.ExpectAsync(HttpStatusCode.TooManyRequests, HttpMethod.Post, "/api/v1/auth/login", json: new { email = TenancyHost.RootEmail, password = TenancyHost.RootPassword });
        }
    }

    [Fact]
    public async Task Thirty_parallel_wrong_passwords_for_as_many_accounts_from_one_address_check_at_most_twenty()
    {
        var (first, second) = await SharedTables.StartTwoAsync(azurite);
        await using (first)
        await using (second)
        {
            var statuses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(i => StatusAsync(
                i % 2 == 0 ? first : second, HttpMethod.Post, "/api/v1/auth/login", null, new { email = $"user{i}@spray.test", password = "password-guess" })));

            Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.Unauthorized));
            Assert.Equal(Burst - 20, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        }
    }

    [Fact]
    public async Task Thirty_parallel_wrong_current_passwords_on_change_password_check_at_most_five()
    {
        var (first, second) = await SharedTables.StartTwoAsync(azurite);
        await using (first)
        await using (second)
        {
            var root = await first.LoginRootAsync();

            var statuses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(i => StatusAsync(
                i % 2 == 0 ? first : second, HttpMethod.Post, "/api/v1/auth/change-password", root,
                new { current_password = $"guess-{i}", new_password = "a-new-long-password" })));

            Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.BadRequest));
            Assert.Equal(Burst - 5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(TenancyHost host, HttpMethod method, string path, string? bearer, object json)
    {
        using var response = await host.SendAsync(method, path, bearer, json);
        return response.StatusCode;
    }
}
