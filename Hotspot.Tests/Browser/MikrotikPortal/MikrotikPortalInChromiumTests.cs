using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Browser.MikrotikPortal;

/// <summary>
/// The reference MikroTik portal (portal/mikrotik/) in a real headless Chromium on a 360×740 phone screen, served by
/// the simulated router's hotspot gateway and calling the DevHost API across origins (CORS): returning visitors,
/// a purchase paid on the payment simulator's checkout page, vouchers with CHAP, the router's errors in words and an API that cannot be reached. Each keeps a screenshot in
/// TestResults/screenshots.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MikrotikPortalInChromiumTests(AzuriteFixture azurite, PortalStageFixture fixture) : IClassFixture<PortalStageFixture>
{
    private const string Password = "4821";

    [ChromiumFact]
    public async Task A_returning_visitor_with_a_randomized_MAC_sees_connecting_and_is_online_without_typing()
    {
        var stage = await fixture.StageAsync(azurite);
        await stage.WriteConfigAsync(idioma: "es");
        var (user, storedMac, currentMac) = (await PaidUserAsync(stage), PortalStage.RandomMac(), PortalStage.RandomMac());
        await stage.ForgetEverythingAsync();
        await stage.RememberAsync(Storage(user, storedMac));
        stage.Device(currentMac, "10.5.50.11");

        string? connecting;
        await stage.Browser.SendAsync("Fetch.enable", new { patterns = new[] { new { urlPattern = "*/api/v1/hotspot/auto-reconnect", requestStage = "Request" } } });
        try
        {
            var held = await HoldAsync(stage, "POST", stage.BrowseAsync);
            connecting = await stage.TextAsync("connecting-text");
            await stage.ScreenshotAsync("login-connecting");
            await stage.Browser.SendAsync("Fetch.continueRequest", new { requestId = held });
        }
        finally
        {
            await stage.Browser.SendAsync("Fetch.disable");
        }

        var landed = await stage.ArrivedAtAsync(PortalStage.Internet);
        var session = await stage.SessionOfAsync(currentMac);
        await stage.Browser.NavigateAsync(new Uri(PortalStage.Origin + "/portal.css"));
        var remembered = await stage.StoredAsync("stored_mac");

        Assert.Equal("Conectando…", connecting);
        Assert.Equal(PortalStage.Internet, landed);
        Assert.NotNull(session);
        Assert.StartsWith(user + "_RANDMAC", session.User, StringComparison.Ordinal);
        Assert.Equal(currentMac, remembered);
    }

    [ChromiumFact]
    public async Task A_returning_visitor_whose_captive_window_kept_no_storage_is_online_by_the_routers_MAC_cookie()
    {
        var stage = await fixture.StageAsync(azurite);
        await stage.WriteConfigAsync();
        var (user, currentMac) = (await PaidUserAsync(stage), PortalStage.RandomMac());
        await stage.ForgetEverythingAsync();
        await stage.RememberAsync(Storage(user, PortalStage.RandomMac()));
        stage.Device(currentMac, "10.5.50.12");
        await stage.BrowseAsync();
        await stage.ArrivedAtAsync(PortalStage.Internet);

        // The phone leaves and comes back in a captive window that remembers nothing.
        stage.Router.State.RemoveHost(currentMac);
        await stage.ForgetEverythingAsync();
        stage.Device(currentMac, "10.5.50.12");
        await stage.BrowseAsync();
        var landed = await stage.ArrivedAtAsync(PortalStage.Internet);
        await stage.ScreenshotAsync("online-by-mac-cookie");
        var session = await stage.SessionOfAsync(currentMac);

        Assert.Equal(PortalStage.Internet, landed);
        Assert.NotNull(session);
        Assert.StartsWith(user + "_RANDMAC", session.User, StringComparison.Ordinal);
        Assert.Contains("cookie", session.LoginBy, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task An_expired_visitor_is_told_so_and_sees_the_catalog_and_its_stored_credentials_are_forgotten()
    {
        var stage = await fixture.StageAsync(azurite);
        await stage.WriteConfigAsync(idioma: "es");
        await stage.ForgetEverythingAsync();
        await stage.RememberAsync(Storage("GONE42", PortalStage.RandomMac()));
        stage.Device(PortalStage.RandomMac(), "10.5.50.13");

        await stage.BrowseAsync();
        var state = await stage.StateAsync("catalog", "login");
        await stage.ScreenshotAsync("login-catalog-expired");
        var message = await stage.TextAsync("message");
        var products = await stage.Browser.EvaluateAsync("[...document.querySelectorAll('#products .product strong')].map(e => e.textContent).join('|')");
        var price = await stage.Browser.EvaluateAsync("document.querySelector('#products .product .price').textContent");
        var username = await stage.StoredAsync("username");

        Assert.Equal("catalog", state);
        Assert.Equal("Tu tiempo de internet se terminó. Elige un plan para seguir navegando.", message);
        Assert.Contains("1 hora", products!.Split('|'));
        Assert.Equal("$15.00 MXN", price);
        Assert.Null(username);
    }

    [ChromiumFact]
    public async Task A_purchase_through_the_payment_simulator_shows_pending_then_the_receipt_and_credentials_before_the_guest_is_online()
    {
        var stage = await fixture.StageAsync(azurite);
        await stage.WriteConfigAsync(idioma: "es");
        var mac = PortalStage.RandomMac();
        await stage.ForgetEverythingAsync();
        stage.Device(mac, "10.5.50.18");

        await stage.BrowseAsync();
        await stage.StateAsync("catalog");
        await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.querySelector('#products .buy').click()"));
        var checkout = await stage.Browser.EvaluateAsync("location.href");
        await stage.ScreenshotAsync("checkout");

        string? pending;
        await stage.Browser.SendAsync("Fetch.enable", new { patterns = new[] { new { urlPattern = "*/api/v1/compras/*", requestStage = "Request" } } });
        try
        {
            var held = await HoldAsync(stage, "GET", () => stage.Browser.EvaluateAsync("document.querySelector('button[value=approve]').click()"));
            await stage.StateAsync("pending");
            pending = await stage.TextAsync("purchase-title");
            await stage.ScreenshotAsync("login-pending");
            await stage.Browser.SendAsync("Fetch.continueRequest", new { requestId = held });
        }
        finally
        {
            await stage.Browser.SendAsync("Fetch.disable");
        }

        await stage.StateAsync("receipt");
        await stage.ScreenshotAsync("login-receipt");
        var shownUser = await stage.TextAsync("credential-user");
        var shownPassword = await stage.TextAsync("credential-password");
        var receipt = await stage.TextAsync("receipt");
        var sessionWhileReceiptShown = await stage.SessionOfAsync(mac);
        var users = await stage.Client.GetHotspotUsersAsync(null, CancellationToken.None);
        await stage.Browser.EvaluateAsync("document.getElementById('purchase-connect').click()");
        var landed = await stage.ArrivedAtAsync(PortalStage.Internet);
        var session = await stage.SessionOfAsync(mac);

        Assert.StartsWith(stage.Payments.ApiBaseUrl.GetLeftPart(UriPartial.Authority) + "/checkout/", checkout, StringComparison.Ordinal);
        Assert.Equal("Confirmando tu pago…", pending);
        var bought = Assert.Single(users, u => u.Name == shownUser);
        Assert.Equal(shownPassword, bought.Password);
        Assert.Contains("1 hora", receipt, StringComparison.Ordinal);
        Assert.Contains("$15.00 MXN", receipt, StringComparison.Ordinal);
        Assert.Null(sessionWhileReceiptShown);
        Assert.Equal(PortalStage.Internet, landed);
        Assert.NotNull(session);
        Assert.StartsWith(shownUser!, session.User, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task A_voucher_logs_in_with_CHAP_then_the_status_page_shows_it_and_logging_out_forgets_it()
    {
        var stage = await fixture.StageAsync(azurite);
        await stage.WriteConfigAsync(idioma: "es");
        var (voucher, mac) = (await VoucherAsync(stage, "ficha-7731"), PortalStage.RandomMac());
        await stage.ForgetEverythingAsync();
        stage.Device(mac, "10.5.50.14");

        await stage.BrowseAsync();
        await stage.StateAsync("catalog", "login");
        await TypeAsync(stage, voucher, "ficha-7731");
        await stage.ScreenshotAsync("login");
        await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.getElementById('login-submit').click()"));
        await stage.StateAsync("online");
        await stage.ScreenshotAsync("alogin");
        var landed = await stage.ArrivedAtAsync(PortalStage.Internet);
        var session = await stage.SessionOfAsync(mac);

        await stage.Browser.NavigateAsync(new Uri(PortalStage.Origin + "/status"));
        var shownUser = await stage.TextAsync("status-user");
        await stage.ScreenshotAsync("status");
        await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.querySelector('#logout-form button').click()"));
        await stage.StateAsync("logged-out");
        await stage.ScreenshotAsync("logout");
        var afterLogout = await stage.SessionOfAsync(mac);
        var remembered = await stage.StoredAsync("username");

        Assert.Equal(PortalStage.Internet, landed);
        Assert.NotNull(session);
        Assert.Equal((voucher, "http-chap"), (session.User, session.LoginBy));
        Assert.Equal(voucher, shownUser);
        Assert.Null(afterLogout);
        Assert.Null(remembered);
    }

    [ChromiumFact]
    public async Task A_wrong_password_shows_the_routers_error_in_the_guests_words()
    {
        var stage = await fixture.StageAsync(azurite);
        await stage.WriteConfigAsync(idioma: "es");
        var (voucher, mac) = (await VoucherAsync(stage, "ficha-2208"), PortalStage.RandomMac());
        await stage.ForgetEverythingAsync();
        stage.Device(mac, "10.5.50.15");

        await stage.BrowseAsync();
        await stage.StateAsync("catalog", "login");
        await TypeAsync(stage, voucher, "not-the-password");
        await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.getElementById('login-submit').click()"));
        await stage.StateAsync("catalog", "login");
        var error = await stage.TextAsync("router-error");
        await stage.ScreenshotAsync("login-wrong-password");
        var session = await stage.SessionOfAsync(mac);

        Assert.Equal("Usuario o contraseña incorrectos.", error);
        Assert.Null(session);
    }

    [ChromiumFact]
    public async Task With_the_API_unreachable_the_guest_is_told_and_a_voucher_still_logs_in()
    {
        var stage = await fixture.StageAsync(azurite);
        var (voucher, mac) = (await VoucherAsync(stage, "ficha-5150"), PortalStage.RandomMac());
        await stage.WriteConfigAsync(api: UnansweredAddress(), idioma: "en");
        try
        {
            await stage.ForgetEverythingAsync();
            stage.Device(mac, "10.5.50.16");

            await stage.BrowseAsync();
            var state = await stage.StateAsync("login");
            var message = await stage.TextAsync("message");
            await stage.ScreenshotAsync("login-api-down");
            await TypeAsync(stage, voucher, "ficha-5150");
            await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.getElementById('login-submit').click()"));
            var landed = await stage.ArrivedAtAsync(PortalStage.Internet);
            var session = await stage.SessionOfAsync(mac);

            Assert.Equal("login", state);
            Assert.Equal("We could not reach the payment service. If you have a voucher or an account, you can log in below.", message);
            Assert.Equal(PortalStage.Internet, landed);
            Assert.NotNull(session);
            Assert.Equal((voucher, "http-chap"), (session.User, session.LoginBy));
        }
        finally
        {
            await stage.WriteConfigAsync();
        }
    }

    [ChromiumFact]
    public async Task With_the_API_unreachable_a_returning_visitors_stored_credentials_go_to_the_router_itself()
    {
        var stage = await fixture.StageAsync(azurite);
        var (voucher, mac) = (await VoucherAsync(stage, Password), PortalStage.RandomMac());
        await stage.WriteConfigAsync(api: UnansweredAddress());
        try
        {
            await stage.ForgetEverythingAsync();
            await stage.RememberAsync(Storage(voucher, PortalStage.RandomMac()));
            stage.Device(mac, "10.5.50.17");

            await stage.BrowseAsync();
            var landed = await stage.ArrivedAtAsync(PortalStage.Internet);
            var session = await stage.SessionOfAsync(mac);

            Assert.Equal(PortalStage.Internet, landed);
            Assert.NotNull(session);
            Assert.Equal((voucher, "http-chap"), (session.User, session.LoginBy));
        }
        finally
        {
            await stage.WriteConfigAsync();
        }
    }

    /// <summary>A paid user as a purchase leaves it (seed 000's RANDMAC family), bound to the MAC it bought from.</summary>
    private static async Task<string> PaidUserAsync(PortalStage stage)
    {
        var name = "P" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        await stage.Client.AddHotspotUserAsync(new NewHotspotUser(name, Password)
        {
            Profile = PortalStage.Profile, MacAddress = PortalStage.RandomMac(), Comment = "MODE=RANDMAC TL=3600 TA=0",
        }, CancellationToken.None);
        return name;
    }

    private static async Task<string> VoucherAsync(PortalStage stage, string password)
    {
        var name = "V" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        await stage.Client.AddHotspotUserAsync(new NewHotspotUser(name, password) { Profile = PortalStage.Profile }, CancellationToken.None);
        return name;
    }

    private static Dictionary<string, string> Storage(string username, string storedMac) =>
        new() { ["username"] = username, ["password"] = Password, ["stored_mac"] = storedMac };

    private static async Task TypeAsync(PortalStage stage, string username, string password) =>
        await stage.Browser.EvaluateAsync($"document.getElementById('username').value = {JsonSerializer.Serialize(username)}; document.getElementById('password').value = {JsonSerializer.Serialize(password)}");

    /// <summary>Starts <paramref name="action"/> and holds the page's first <paramref name="method"/> call that Fetch intercepts (past any preflight) until released.</summary>
    private static async Task<string> HoldAsync(PortalStage stage, string method, Func<Task> action)
    {
        var paused = stage.Browser.NextEventAsync("Fetch.requestPaused");
        await action();
        while (true)
        {
            var held = (await paused).GetProperty("params");
            var id = held.GetProperty("requestId").GetString()!;
            if (held.GetProperty("request").GetProperty("method").GetString() == method && held.GetProperty("resourceType").GetString() is "Fetch" or "XHR")
            {
                return id;
            }

            paused = stage.Browser.NextEventAsync("Fetch.requestPaused");
            await stage.Browser.SendAsync("Fetch.continueRequest", new { requestId = id });
        }
    }

    /// <summary>An address where nothing listens: the API, as far as the page can tell, is down.</summary>
    private static Uri UnansweredAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
