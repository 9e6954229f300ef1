using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotspot.Mikrotik;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Portal;

namespace Hotspot.Tests.Vouchers;

/// <summary>A batch on a MikroTik API router (the RouterOS simulator over TCP): its fichas are hotspot users, as seed 002's vouchers are.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class VoucherBatchMikrotikTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_batch_makes_one_hotspot_user_per_ficha_with_the_code_as_password_and_the_data_limit()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        using var created = await PostBatchAsync(world, "mk-1");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var loteId = (await Tenancy.TenancyHost.JsonAsync(created)).GetProperty("id").GetInt64();
        var fichas = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{world.RouterId}/lotes-fichas/{loteId}/fichas", world.RootToken);
        var codes = fichas.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("codigo").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, codes.Count);

        await using var client = await world.Router.ConnectAsync();
        var users = (await client.GetHotspotUsersAsync(null, default)).Where(u => u.Comment == "hotspot:voucher").ToList();
        Assert.Equal(codes, users.Select(u => u.Name).Order(StringComparer.Ordinal));
        Assert.All(users, u => Assert.Equal(u.Name, u.Password));
        var raw = await client.SendAsync(Hotspot.RouterOs.RouterOsCommand.Print(MikrotikMenus.HotspotUsers, Hotspot.RouterOs.RouterOsQuery.Create().Equal("name", codes[0])), default);
        Assert.Equal("104857600", Assert.Single(raw.EnsureSuccess().Rows)["limit-bytes-out"]);
    }

    [Fact]
    public async Task A_router_that_refuses_leaves_no_batch_and_answers_503_in_words()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        world.Router.Simulator.RefuseConnections(true);
        using var refused = await PostBatchAsync(world, "mk-2");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("no se creó el lote", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        world.Router.Simulator.RefuseConnections(false);

        var lotes = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{world.RouterId}/lotes-fichas", world.RootToken);
        Assert.Equal(0, lotes.GetProperty("items").GetArrayLength());
        // The same key is free again: the retry makes the batch.
        using var retried = await PostBatchAsync(world, "mk-2");
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostBatchAsync(MikrotikWorld world, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/routers/{world.RouterId}/lotes-fichas")
        {
            Content = JsonContent.Create(new Dictionary<string, object> { ["cantidad"] = 5, ["validez"] = "1 day", ["limite_datos_mb"] = 100 }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.RootToken);
        request.Headers.Add("Idempotency-Key", key);
        return await world.Host.Host.Client.SendAsync(request);
    }
}
