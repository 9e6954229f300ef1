using System.Globalization;
using System.Net;
using Hotspot.Drivers;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Portal;

namespace Hotspot.Tests.Unifi;

/// <summary>
/// Voucher guessing on the UniFi guest page: a code is only checked for a device the controller sees connected, so the
/// page is no oracle from outside the network; guesses are limited per voucher, per device and per client address, and
/// a burst checks no more codes than the limit allows.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class VoucherGuessingTests(AzuriteFixture azurite)
{
    private static readonly MacAddress Phone = MacAddress.Parse("1c:71:25:63:e4:24");
    private static readonly MacAddress Stranger = MacAddress.Parse("02:00:00:00:be:ef");

    [Fact]
    public async Task A_right_and_a_wrong_code_from_a_device_the_controller_does_not_see_get_the_same_answer()
    {
        await using var world = await StartAsync();
        await UnifiVoucherPortalTests.CreateVoucherAsync(world, "lobby-30", "r1ght9", "1 day");

        using var right = await UnifiVoucherPortalTests.RedeemAsync(world, Stranger, "lobby-30", "r1ght9", "en");
        using var wrong = await UnifiVoucherPortalTests.RedeemAsync(world, Stranger, "lobby-30", "wr0ng1", "en");
        world.Simulator.State.Join(Phone, "default");
        using var connected = await UnifiVoucherPortalTests.RedeemAsync(world, Phone, "lobby-30", "r1ght9", "en");

        Assert.Equal(wrong.StatusCode, right.StatusCode);
        Assert.Equal(await wrong.Content.ReadAsStringAsync(), await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, connected.StatusCode);
    }

    [Fact]
    public async Task Guesses_from_one_client_address_are_limited_even_when_the_device_and_the_voucher_change()
    {
        await using var world = await StartAsync();
        await UnifiVoucherPortalTests.CreateVoucherAsync(world, "lobby-31", "k3y5ab", "1 day");
        for (var i = 0; i < 30; i++)
        {
            var device = Device(i);
            world.Simulator.State.Join(device, "default");
            using var guess = await UnifiVoucherPortalTests.RedeemAsync(world, device, "lobby-" + (100 + i).ToString(CultureInfo.InvariantCulture), "guess1");
            Assert.Equal(HttpStatusCode.Unauthorized, guess.StatusCode);
        }

        world.Simulator.State.Join(Phone, "default");
        using var locked = await UnifiVoucherPortalTests.RedeemAsync(world, Phone, "lobby-31", "k3y5ab");

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.False(UnifiVoucherPortalTests.IsAuthorized(world, Phone));
    }

    [Fact]
    public async Task Thirty_parallel_wrong_codes_for_one_voucher_check_at_most_five()
    {
        await using var world = await StartAsync();
        await UnifiVoucherPortalTests.CreateVoucherAsync(world, "lobby-32", "p4ss77", "1 day");
        world.Simulator.State.Join(Phone, "default");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var response = await UnifiVoucherPortalTests.RedeemAsync(world, Phone, "lobby-32", "guess" + i.ToString(CultureInfo.InvariantCulture));
            return response.StatusCode;
        }));
        using var locked = await UnifiVoucherPortalTests.RedeemAsync(world, Phone, "lobby-32", "p4ss77");

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(25, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
    }

    private static MacAddress Device(int i) => MacAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"02:00:00:00:10:{i:x2}"));

    private async Task<UnifiWorld> StartAsync()
    {
        var world = await UnifiWorld.StartAsync(azurite);
        await ActionApiClient.Enable(world.Host, world.RootToken, world.RouterId);
        return world;
    }
}
