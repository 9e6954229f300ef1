using System.Net;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;
using Hotspot.Tests.Unifi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Portal;

/// <summary>Seed 002 lets the key arrive in a query string; it must not reach a log line, also when the request fails.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActionApiKeyLoggingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_key_in_the_query_string_is_never_logged_and_a_failed_create_leaves_no_voucher()
    {
        var logs = new CapturedLogs();
        await using var host = await TenancyHost.StartAsync(azurite, configureServices: services => services.AddLogging(b => b.AddProvider(logs)));
        var keyed = await KeyedRouter.CreateAsync(host, new
        {
            nombre = "Unreachable", tipo = "mikrotik", host = "127.0.0.1", puerto = 9, usuario = "admin", password = "pw-1234567",
        });
        await ActionApiClient.Enable(host, keyed.RootToken, keyed.RouterId);
        var key = Uri.EscapeDataString(keyed.ApiKey);

        var failed = await ActionApiClient.GetAsync(host, $"api-key={key}&action=create_voucher&username=abc");
        var listed = await ActionApiClient.GetAsync(host, $"api-key={key}&action=get_voucher_users");

        Assert.Equal((HttpStatusCode.InternalServerError, "An error occurred"), (failed.Status, failed.Body.GetProperty("message").GetString()));
        // The router refused, so the voucher was not kept half-made in our records either.
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Empty(listed.Body.GetProperty("users").EnumerateArray());
        Assert.Contains(logs.Lines, l => l.Contains("create_voucher", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(keyed.ApiKey, StringComparison.Ordinal) || l.Contains(key, StringComparison.Ordinal));
    }
}
