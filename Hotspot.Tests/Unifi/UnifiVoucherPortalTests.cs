using System.Globalization;
using System.Net;
using System.Text.Json;
using Hotspot.Drivers;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Portal;

namespace Hotspot.Tests.Unifi;

/// <summary>
/// Seed 002 vouchers on a UniFi router: held by us, redeemed by the guest on the portal page, authorized on the UniFi
/// simulator until the voucher expires, and expired by the sweep. The guest's browser does not follow redirects.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnifiVoucherPortalTests(AzuriteFixture azurite)
{
    private static readonly MacAddress Phone = MacAddress.Parse("1c:71:25:63:e4:24");
    private static readonly MacAddress Tablet = MacAddress.Parse("1c:71:25:63:e4:25");

    [Fact]
    public async Task A_guest_redeems_a_voucher_and_is_online_until_it_expires_with_its_data_limit()
    {
        await using var world = await StartAsync();
        await CreateVoucherAsync(world, "lobby-17", "k7p2x9", "2 hours", download: 300, upload: 200);
        world.Simulator.State.Join(Phone, "default");

        using var redeemed = await RedeemAsync(world, Phone, "lobby-17", "k7p2x9");
        var authorization = ClientOf(world, Phone).Access.Authorization!;
        var listed = Assert.Single((await VoucherUsersAsync(world)).EnumerateArray());

        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
        Assert.Equal(new Uri("http://netcts.cdn-apple.com/"), redeemed.Headers.Location);
        Assert.Equal(TimeSpan.FromHours(2), authorization.ExpiresAt - authorization.AuthorizedAt);
        Assert.Equal(500, authorization.DataUsageLimitMBytes);
        Assert.Equal(Format(world.Host.Clock.GetUtcNow()), listed.GetProperty("first_login").GetString());
        Assert.Equal(Phone, MacAddress.Parse(listed.GetProperty("MAC").GetString()!));
    }

    [Fact]
    public async Task The_voucher_clock_runs_from_the_first_login_and_a_later_login_gets_only_what_is_left()
    {
        await using var world = await StartAsync();
        await CreateVoucherAsync(world, "lobby-18", "m3q8w4", "2 hours");
        world.Simulator.State.Join(Phone, "default");
        (await RedeemAsync(world, Phone, "lobby-18", "m3q8w4")).Dispose();
        world.Host.Clock.Advance(TimeSpan.FromMinutes(45));
        world.Simulator.State.Join(Tablet, "default");

        using var moved = await RedeemAsync(world, Tablet, "lobby-18", "m3q8w4");
        var tablet = ClientOf(world, Tablet).Access;

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(75), tablet.Authorization!.ExpiresAt - tablet.Authorization.AuthorizedAt);
        Assert.False(IsAuthorized(world, Phone));
    }

    [Fact]
    public async Task A_wrong_code_says_so_and_repeated_guessing_is_locked_out_even_with_the_right_code()
    {
        await using var world = await StartAsync();
        await CreateVoucherAsync(world, "lobby-19", "z5r1t6", "1 day");
        world.Simulator.State.Join(Phone, "default");

        using var wrong = await RedeemAsync(world, Phone, "lobby-19", "nope", "en");
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        using var unknown = await RedeemAsync(world, Phone, "nobody", "z5r1t6", "en");
        for (var i = 0; i < 4; i++)
        {
            (await RedeemAsync(world, Phone, "lobby-19", "guess" + i)).Dispose();
        }

        using var locked = await RedeemAsync(world, Phone, "lobby-19", "z5r1t6", "en");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("username or code is not right", wrongPage, StringComparison.Ordinal);
        Assert.Contains("id=\"voucher-username\"", wrongPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal((HttpStatusCode)429, locked.StatusCode);
        Assert.Contains("Too many failed attempts", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(IsAuthorized(world, Phone));
    }

    [Fact]
    public async Task A_voucher_before_its_valid_from_is_refused_and_afterwards_lasts_valid_for_from_that_moment()
    {
        await using var world = await StartAsync();
        var from = world.Host.Clock.GetUtcNow().AddHours(1);
        await CreateVoucherAsync(world, "lobby-20", "h4j8k2", "1 day", validFrom: from);
        world.Simulator.State.Join(Phone, "default");

        using var early = await RedeemAsync(world, Phone, "lobby-20", "h4j8k2");
        world.Host.Clock.Advance(TimeSpan.FromHours(3));
        using var onTime = await RedeemAsync(world, Phone, "lobby-20", "h4j8k2");
        var authorization = ClientOf(world, Phone).Access.Authorization!;

        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Contains("todavía no es válida", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, onTime.StatusCode);
        Assert.Equal(TimeSpan.FromHours(22), authorization.ExpiresAt - authorization.AuthorizedAt);
    }

    [Fact]
    public async Task The_sweep_expires_the_voucher_revokes_the_device_and_the_code_no_longer_works()
    {
        await using var world = await StartAsync();
        await CreateVoucherAsync(world, "lobby-21", "p9v3n7", "1 hour");
        world.Simulator.State.Join(Phone, "default");
        (await RedeemAsync(world, Phone, "lobby-21", "p9v3n7")).Dispose();

        world.Host.Clock.Advance(TimeSpan.FromMinutes(59));
        var early = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, world.RouterPath + "/sweep", world.RootToken);
        world.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        var due = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, world.RouterPath + "/sweep", world.RootToken);
        var again = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, world.RouterPath + "/sweep", world.RootToken);
        var revoked = IsAuthorized(world, Phone);
        world.Simulator.State.Join(Phone, "default"); // the guest joins the WiFi again and tries the code
        using var late = await RedeemAsync(world, Phone, "lobby-21", "p9v3n7");

        Assert.Equal((0, 0), (early.GetProperty("vouchers_expired").GetInt32(), early.GetProperty("authorizations_revoked").GetInt32()));
        Assert.Equal((1, 1), (due.GetProperty("vouchers_expired").GetInt32(), due.GetProperty("authorizations_revoked").GetInt32()));
        Assert.Equal((0, 0), (again.GetProperty("vouchers_expired").GetInt32(), again.GetProperty("authorizations_revoked").GetInt32()));
        Assert.False(revoked);
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Contains("ya venció", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_free_access_off_the_page_offers_only_the_voucher_and_refuses_a_forged_accept()
    {
        await using var world = await StartAsync(new Dictionary<string, string?> { ["Hotspot:Portal:FreeMinutes"] = "0" });
        world.Simulator.State.Join(Phone, "default");
        using var browser = Browser(world);

        var page = await browser.GetStringAsync(new Uri(RedirectPath(world, Phone), UriKind.Relative));
        using var forged = await browser.PostAsync(new Uri(RedirectPath(world, Phone), UriKind.Relative), new FormUrlEncodedContent([new("mode", "accept")]));

        Assert.DoesNotContain("id=\"accept\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"redeem\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False(IsAuthorized(world, Phone));
    }

    [Fact]
    public async Task A_malformed_or_oversized_form_is_refused_with_a_page_and_nobody_is_authorized()
    {
        await using var world = await StartAsync();
        world.Simulator.State.Join(Phone, "default");
        using var browser = Browser(world);
        var path = new Uri(RedirectPath(world, Phone), UriKind.Relative);

        using var unknownMode = await browser.PostAsync(path, new FormUrlEncodedContent([new("mode", "admin")]));
        using var huge = await browser.PostAsync(path, new FormUrlEncodedContent([new("mode", "voucher"), new("username", new string('a', 10_000)), new("passcode", "x")]));
        using var json = await browser.PostAsync(path, new StringContent("{\"mode\":\"accept\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.All([unknownMode, huge, json], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("formulario no es válido", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(IsAuthorized(world, Phone));
    }

    private async Task<UnifiWorld> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var world = await UnifiWorld.StartAsync(azurite, settings);
        await ActionApiClient.Enable(world.Host, world.RootToken, world.RouterId);
        return world;
    }

    internal static async Task CreateVoucherAsync(UnifiWorld world, string username, string passcode, string validFor, long download = 0, long upload = 0, DateTimeOffset? validFrom = null)
    {
        var body = new Dictionary<string, object>
        {
            ["api-key"] = world.ApiKey, ["action"] = "create_voucher", ["username"] = username, ["passcode"] = passcode, ["valid_for"] = validFor,
            ["download_limit"] = download, ["upload_limit"] = upload,
        };
        if (validFrom is { } from)
        {
            body["valid_from"] = Format(from);
        }

        var created = await ActionApiClient.PostAsync(world.Host, body);
        Assert.Equal(HttpStatusCode.OK, created.Status);
    }

    private static async Task<JsonElement> VoucherUsersAsync(UnifiWorld world) =>
        (await ActionApiClient.GetAsync(world.Host, $"api-key={Uri.EscapeDataString(world.ApiKey)}&action=get_voucher_users")).Body.GetProperty("users");

    internal static async Task<HttpResponseMessage> RedeemAsync(UnifiWorld world, MacAddress device, string username, string passcode, string language = "es")
    {
        using var browser = Browser(world);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(RedirectPath(world, device), UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("mode", "voucher"), new("username", username), new("passcode", passcode)]),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await browser.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    internal static HttpClient Browser(UnifiWorld world) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = world.Host.Host.Client.BaseAddress };

    internal static string RedirectPath(UnifiWorld world, MacAddress device) =>
        string.Create(CultureInfo.InvariantCulture,
            $"/guest/s/default/?ap=94:2a:6f:d0:30:57&id={device}&t=1742398732&url=http%3A%2F%2Fnetcts.cdn-apple.com%2F&ssid=lobby&router={world.RouterId}");

    private static Simulators.Unifi.ClientView ClientOf(UnifiWorld world, MacAddress device) =>
        world.Simulator.State.Clients(world.Simulator.State.AddSite("default"), withAuthorization: true).Single(c => MacAddress.Parse(c.MacAddress) == device);

    // UniFi disconnects a device whose authorization is revoked: gone counts as not authorized.
    internal static bool IsAuthorized(UnifiWorld world, MacAddress device) =>
        world.Simulator.State.Clients(world.Simulator.State.AddSite("default"), withAuthorization: true)
            .Any(c => MacAddress.Parse(c.MacAddress) == device && c.Access.Authorized);

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
