using System.Net;
using System.Text.Json;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Purchases;

/// <summary>What a key holder or a guest can make the public purchase routes do: bounded provider calls, no open redirect, bounded checkouts.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PurchaseAbuseTests(AzuriteFixture azurite)
{
    private static Dictionary<string, string?> Polling(int seconds) => new() { ["Hotspot:Ventas:ProviderPollSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static Uri ReturnUrl(SalesWorld world, Compra compra) =>
        new(world.Host.Host.Client.BaseAddress!, $"/api/v1/compras/{compra.Id}/retorno?t={Uri.EscapeDataString(compra.Token)}&resultado=exito");

    private static async Task<long> ProviderRequestsAsync(SalesWorld world) =>
        JsonDocument.Parse(await world.Control.GetStringAsync("/requests")).RootElement.GetProperty("api").GetInt64();

    [Fact]
    public async Task Thirty_calls_to_retorno_make_one_provider_request_within_the_poll_interval()
    {
        await using var world = await SalesWorld.StartAsync(azurite, settings: Polling(60));
        var compra = await world.BuyAsync("mercado_pago");
        var before = await ProviderRequestsAsync(world);

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            using var response = await world.Browser.GetAsync(ReturnUrl(world, compra));
            return response.StatusCode;
        }));
        var after = await ProviderRequestsAsync(world);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(1, after - before);
    }

    [Fact]
    public async Task A_login_page_on_a_host_the_operator_did_not_allow_is_refused_and_retorno_never_redirects_off_the_allowed_hosts()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var hostile = JsonSerializer.SerializeToNode(world.WithProduct(SalesWorld.Order()))!.AsObject();
        hostile["url_login"] = "https://evil.example/phish";

        using var refused = await world.PostCompraAsync(hostile, Guid.NewGuid().ToString());
        var refusedText = await refused.Content.ReadAsStringAsync();
        var compra = await world.BuyAsync("mercado_pago");
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/routers/{world.RouterId}", world.RootToken, new { hosts_login = Array.Empty<string>() });
        using var retorno = await world.Browser.GetAsync(ReturnUrl(world, compra));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("url_login", refusedText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, retorno.StatusCode);
        Assert.Null(retorno.Headers.Location);
    }

    [Fact]
    public async Task A_local_router_address_is_always_a_login_page_and_retorno_keeps_its_path()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var local = JsonSerializer.SerializeToNode(world.WithProduct(SalesWorld.Order()))!.AsObject();
        local["url_login"] = "http://10.5.50.1/login";

        using var created = await world.PostCompraAsync(local, Guid.NewGuid().ToString());
        var compra = Compra.From(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.Clone());
        using var retorno = await world.Browser.GetAsync(ReturnUrl(world, compra));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, retorno.StatusCode);
        Assert.Equal("http://10.5.50.1/login", retorno.Headers.Location!.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task One_device_holds_at_most_three_unpaid_purchases_then_gets_429_with_retry_after()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        for (var i = 0; i < 3; i++)
        {
            await world.BuyAsync("mercado_pago", mac: "AA:BB:CC:00:00:01");
        }

        var checkoutsBefore = await ProviderRequestsAsync(world);
        using var fourth = await world.PostCompraAsync(world.WithProduct(SalesWorld.Order(mac: "AA:BB:CC:00:00:01")), Guid.NewGuid().ToString());
        var otherDevice = await world.BuyAsync("mercado_pago", mac: "AA:BB:CC:00:00:02");

        Assert.Equal((HttpStatusCode)429, fourth.StatusCode);
        Assert.True(fourth.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.NotNull(otherDevice.Id);
        Assert.Equal(1, await ProviderRequestsAsync(world) - checkoutsBefore);
    }

    [Fact]
    public async Task One_client_address_gets_429_with_retry_after_past_its_purchases_per_window_and_no_checkout_is_made()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        for (var i = 0; i < Hotspot.Sales.Purchases.PurchaseLimits.PerAddress; i++)
        {
            await world.BuyAsync("mercado_pago", mac: $"AA:BB:CC:01:{i / 256:X2}:{i % 256:X2}");
        }

        var checkoutsBefore = await ProviderRequestsAsync(world);
        using var over = await world.PostCompraAsync(world.WithProduct(SalesWorld.Order(mac: "AA:BB:CC:02:00:00")), Guid.NewGuid().ToString());

        Assert.Equal((HttpStatusCode)429, over.StatusCode);
        Assert.True(over.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Equal(0, await ProviderRequestsAsync(world) - checkoutsBefore);
    }
}
