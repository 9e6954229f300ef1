using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotspot.Drivers;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Portal;
using Hotspot.Tests.Unifi;

namespace Hotspot.Tests.Vouchers;

/// <summary>A batch on a UniFi router (the simulator over HTTP): the guest redeems a printed ficha on the portal page as it would a seed 002 voucher.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class VoucherBatchUnifiTests(AzuriteFixture azurite)
{
    private static readonly MacAddress Phone = MacAddress.Parse("1c:71:25:63:e4:31");

    [Fact]
    public async Task A_guest_goes_online_with_a_printed_ficha_and_the_ledger_counts_it_used()
    {
        await using var world = await UnifiWorld.StartAsync(azurite);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/routers/{world.RouterId}/lotes-fichas")
        {
            Content = JsonContent.Create(new Dictionary<string, object> { ["cantidad"] = 3, ["validez"] = "2 hours", ["limite_datos_mb"] = 250 }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.RootToken);
        request.Headers.Add("Idempotency-Key", "unifi-1");
        using var created = await world.Host.Host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var loteId = (await Tenancy.TenancyHost.JsonAsync(created)).GetProperty("id").GetInt64();
        var basePath = $"/api/v1/admin/routers/{world.RouterId}/lotes-fichas/{loteId}";
        var code = (await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, basePath + "/fichas", world.RootToken))
            .GetProperty("items")[0].GetProperty("codigo").GetString()!;

        world.Simulator.State.Join(Phone, "default");
        using var redeemed = await UnifiVoucherPortalTests.RedeemAsync(world, Phone, code, code);

        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
        Assert.True(UnifiVoucherPortalTests.IsAuthorized(world, Phone));
        var authorization = world.Simulator.State.Clients(world.Simulator.State.AddSite("default"), withAuthorization: true)
            .Single(c => MacAddress.Parse(c.MacAddress) == Phone).Access.Authorization!;
        Assert.Equal(TimeSpan.FromHours(2), authorization.ExpiresAt - authorization.AuthorizedAt);
        var libro = (await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, basePath, world.RootToken)).GetProperty("libro");
        Assert.Equal(3, libro.GetProperty("total").GetInt32());
        Assert.Equal(1, libro.GetProperty("usadas").GetInt32());
    }
}
