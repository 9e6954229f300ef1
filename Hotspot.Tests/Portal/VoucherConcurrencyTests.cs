using System.Net;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Portal;

/// <summary>Concurrent <c>create_voucher</c> calls: no duplicates and no lost writes, on the router and in our records.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class VoucherConcurrencyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Two_hundred_generated_vouchers_are_all_distinct_and_fifty_creators_of_one_name_get_one_voucher()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        await ActionApiClient.Enable(world.Host, world.RootToken, world.RouterId);
        await using var client = await world.Router.ConnectAsync();
        Dictionary<string, object> Create(string? username = null)
        {
            var body = new Dictionary<string, object> { ["api-key"] = world.ApiKey, ["action"] = "create_voucher" };
            if (username is not null)
            {
                body["username"] = username;
            }

            return body;
        }

        var generated = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => ActionApiClient.PostAsync(world.Host, Create())));
        var same = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => ActionApiClient.PostAsync(world.Host, Create("lobby-guest"))));
        var onRouter = await client.GetHotspotUsersAsync(null, default);
        var listed = await ActionApiClient.GetAsync(world.Host, $"api-key={Uri.EscapeDataString(world.ApiKey)}&action=get_voucher_users&limit=500");

        Assert.All(generated, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var names = generated.Select(r => r.Body.GetProperty("user").GetProperty("username").GetString()!).ToList();
        Assert.Equal(200, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(200, generated.Select(r => r.Body.GetProperty("user").GetProperty("id").GetInt64()).Distinct().Count());
        Assert.Single(same, r => r.Status == HttpStatusCode.OK);
        Assert.Equal(49, same.Count(r => r.Status == HttpStatusCode.Conflict && r.Body.GetProperty("message").GetString() == "Username already exists"));
        Assert.Equal([.. names.Append("lobby-guest").Order(StringComparer.Ordinal)], onRouter.Select(u => u.Name).Order(StringComparer.Ordinal));
        Assert.Equal(201, listed.Body.GetProperty("users").GetArrayLength());
    }
}
