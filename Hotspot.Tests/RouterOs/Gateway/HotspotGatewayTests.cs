using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Hotspot.Drivers;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Simulators.RouterOs;
using Hotspot.Simulators.RouterOs.Gateway;

namespace Hotspot.Tests.RouterOs.Gateway;

/// <summary>The RouterOS simulator's hotspot gateway, over real HTTP, as a browser on a device would use it.</summary>
public sealed class HotspotGatewayTests
{
    private const string Phone = "AA:BB:CC:00:11:22";
    private const string PhoneIp = "10.5.50.7";
    private const string Laptop = "AA:BB:CC:00:11:33";
    private const string LaptopIp = "10.5.50.8";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_pap_login_shows_alogin_on_the_way_to_dst_and_is_the_session_the_api_prints()
    {
        await using var rig = await RunningGateway.StartAsync();
        var api = await rig.Router.ConnectAsync();
        await api.AddHotspotUserAsync(new NewHotspotUser("ana", "1234"), None);

        var page = await rig.PageAsync(HttpMethod.Post, "/login", Phone, PhoneIp, RunningGateway.Form("ana", "1234", "http://example.com/news"));

        Assert.Equal("Welcome ana", RunningGateway.Element(page, "welcome"));
        Assert.Equal("http://example.com/news", RunningGateway.Element(page, "redirect"));
        Assert.Equal("http-pap", RunningGateway.Element(page, "login-by"));
        var session = Assert.Single(await api.GetHotspotActiveAsync(null, None));
        Assert.Equal(("ana", Phone, PhoneIp), (session.User, session.MacAddress, session.Address));
        Assert.Single(await api.GetHotspotCookiesAsync(null, None));
    }

    [Fact]
    public async Task A_chap_login_with_the_right_md5_logs_in_and_a_wrong_one_gets_the_routers_error()
    {
        await using var rig = await RunningGateway.StartAsync();
        var api = await rig.Router.ConnectAsync();
        await api.AddHotspotUserAsync(new NewHotspotUser("ana", "1234"), None);

        var first = await rig.PageAsync(HttpMethod.Get, "/login", Phone, PhoneIp);
        var wrong = await rig.PageAsync(HttpMethod.Post, "/login", Phone, PhoneIp, RunningGateway.Form("ana", RunningGateway.ChapResponse(first, "9999"), ""));
        var right = await rig.PageAsync(HttpMethod.Post, "/login", Phone, PhoneIp, RunningGateway.Form("ana", RunningGateway.ChapResponse(wrong, "1234"), ""));

        Assert.Matches(@"^(\\[0-7]{3}){16}$", RunningGateway.Element(first, "chap-challenge"));
        Assert.Equal("invalid username or password", RunningGateway.Element(wrong, "error"));
        Assert.Equal("http-chap", RunningGateway.Element(right, "login-by"));
        Assert.Equal("ana", Assert.Single(await api.GetHotspotActiveAsync(null, None)).User);
    }

    [Fact]
    public async Task A_challenge_answers_one_attempt_so_a_replayed_response_is_refused()
    {
        await using var rig = await RunningGateway.StartAsync();
        var api = await rig.Router.ConnectAsync();
        await api.AddHotspotUserAsync(new NewHotspotUser("ana", "1234"), None);
        var page = await rig.PageAsync(HttpMethod.Get, "/login", Phone, PhoneIp);
        var response = RunningGateway.ChapResponse(page, "1234");
        await rig.PageAsync(HttpMethod.Post, "/login", Phone, PhoneIp, RunningGateway.Form("ana", response, ""));
        await rig.PageAsync(HttpMethod.Get, "/logout", Phone, PhoneIp);

        var replayed = await rig.PageAsync(HttpMethod.Post, "/login", Phone, PhoneIp, RunningGateway.Form("ana", response, ""));

        Assert.Equal("invalid username or password", RunningGateway.Element(replayed, "error"));
        Assert.Empty(await api.GetHotspotActiveAsync(null, None));
    }

    [Fact]
    public async Task A_refused_login_shows_the_routers_words_or_the_portals_own_from_errors_txt()
    {
        await using var rig = await RunningGateway.StartAsync();
        var api = await rig.Router.ConnectAsync();
        await api.AddHotspotUserAsync(new NewHotspotUser("ana", "1234"), None);
        await api.AddHotspotUserAsync(new NewHotspotUser("bound", "1") { MacAddress = Laptop }, None);
        await api.AddHotspotUserAsync(new NewHotspotUser("spent", "1") { LimitUptime = TimeSpan.FromMinutes(1) }, None);
        rig.Router.State.AddHost(Laptop, LaptopIp);
        await api.LoginHotspotDeviceAsync("spent", "1", LaptopIp, MacAddress.Parse(Laptop), None);
        rig.Router.Simulator.Clock.Advance(TimeSpan.FromMinutes(2));

        var wrongPassword = await rig.PageAsync(HttpMethod.Post, "/login", Phone, PhoneIp, RunningGateway.Form("ana", "nope", ""));
        var otherDevice = await rig.PageAsync(HttpMethod.Post, "/login", Phone, PhoneIp, RunningGateway.Form("bound", "1", ""));
        var noTimeLeft = await rig.PageAsync(HttpMethod.Post, "/login", Phone, PhoneIp, RunningGateway.Form("spent", "1", ""));

        Assert.Equal("invalid username or password", RunningGateway.Element(wrongPassword, "error"));
        Assert.Equal("ana", RunningGateway.Element(wrongPassword, "username"));
        Assert.Equal("bound no puede entrar desde este equipo (user bound is not allowed to log in from this MAC address)", RunningGateway.Element(otherDevice, "error"));
        Assert.Equal("user spent has reached uptime limit", RunningGateway.Element(noTimeLeft, "error"));
        Assert.Empty(await api.GetHotspotActiveAsync(RouterOsQuery.Create().Equal("mac-address", Phone), None));
    }

    [Fact]
    public async Task Conditionals_pick_the_branch_the_variables_say()
    {
        await using var rig = await RunningGateway.StartAsync();
        var api = await rig.Router.ConnectAsync();
        await api.AddHotspotUserProfileAsync(new NewHotspotUserProfile("hour") { SessionTimeout = TimeSpan.FromHours(1) }, None);
        await api.AddHotspotUserAsync(new NewHotspotUser("ana", "1234") { Profile = "hour" }, None);
        await api.AddHotspotUserAsync(new NewHotspotUser("bea", "1"), None);

        var plain = await rig.PageAsync(HttpMethod.Get, "/login", Phone, PhoneIp);
        var withVar = await rig.PageAsync(HttpMethod.Get, "/login?var=compra-42", Phone, PhoneIp);
        await rig.PageAsync(HttpMethod.Post, "/login", Phone, PhoneIp, RunningGateway.Form("ana", "1234", ""));
        await rig.PageAsync(HttpMethod.Post, "/login", Laptop, LaptopIp, RunningGateway.Form("bea", "1", ""));
        rig.Router.Simulator.Clock.Advance(TimeSpan.FromMinutes(10));
        var limited = await rig.PageAsync(HttpMethod.Get, "/status", Phone, PhoneIp);
        var unlimited = await rig.PageAsync(HttpMethod.Get, "/status", Laptop, LaptopIp);

        Assert.Null(RunningGateway.Element(plain, "error"));
        Assert.Null(RunningGateway.Element(plain, "pap-only"));
        Assert.Equal("no trial", RunningGateway.Element(plain, "no-trial"));
        Assert.Equal("var: compra-42", RunningGateway.Element(withVar, "var"));
        Assert.Null(RunningGateway.Element(withVar, "no-trial"));
        Assert.Equal(("ana", "10m", "50m"), (RunningGateway.Element(limited, "user"), RunningGateway.Element(limited, "uptime"), RunningGateway.Element(limited, "left")));
        Assert.Null(RunningGateway.Element(limited, "unlimited"));
        Assert.Equal("no time limit", RunningGateway.Element(unlimited, "unlimited"));
    }

    [Theory]
    [InlineData("$(if a)A$(elif b)B$(else)C$(endif)", "", "x", "B")]
    [InlineData("$(if a)A$(elif b)B$(else)C$(endif)", "", "", "C")]
    [InlineData("$(if a)[$(if b)AB$(else)A$(endif)]$(endif)", "x", "", "[A]")]
    [InlineData("$(if a)[$(if b)AB$(endif)]$(else)none$(endif)", "", "x", "none")]
    [InlineData("$(if a == 'x')eq$(endif)$(if b != 'x')ne$(endif)", "x", "y", "eqne")]
    [InlineData("<$(a)|$(missing)|$('#id')>", "<b>", "", "<&lt;b&gt;||$('#id')>")]
    public void Templates_substitute_escaped_values_and_nest_conditionals(string template, string a, string b, string expected)
    {
        var variables = new Dictionary<string, string> { ["a"] = a, ["b"] = b };

        Assert.Equal(expected, PortalTemplate.Render(template, variables, v => v.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_logout_ends_the_session_the_api_sees_and_an_api_login_is_what_the_status_page_shows()
    {
        await using var rig = await RunningGateway.StartAsync();
        var api = await rig.Router.ConnectAsync();
        await api.AddHotspotUserAsync(new NewHotspotUser("ana", "1234"), None);
        rig.Router.State.AddHost(Phone, PhoneIp);
        await api.LoginHotspotDeviceAsync("ana", "1234", PhoneIp, MacAddress.Parse(Phone), None);

        var status = await rig.PageAsync(HttpMethod.Get, "/status", Phone, PhoneIp);
        var loginAgain = await rig.PageAsync(HttpMethod.Get, "/login", Phone, PhoneIp);
        var bye = await rig.PageAsync(HttpMethod.Get, "/logout", Phone, PhoneIp);
        using var statusAfter = await rig.SendAsync(HttpMethod.Get, "/status", Phone, PhoneIp);

        Assert.Equal("ana", RunningGateway.Element(status, "user"));
        Assert.Equal("Welcome ana", RunningGateway.Element(loginAgain, "welcome"));
        Assert.Equal("Bye ana", RunningGateway.Element(bye, "bye"));
        Assert.Empty(await api.GetHotspotActiveAsync(null, None));
        Assert.Empty(await api.GetHotspotCookiesAsync(null, None));
        Assert.Equal(HttpStatusCode.Redirect, statusAfter.StatusCode);
        Assert.EndsWith("/login", statusAfter.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_device_is_the_one_the_header_names_or_else_the_one_chosen_on_the_control_port()
    {
        await using var rig = await RunningGateway.StartAsync();
        await using var control = await RouterOsControlPort.StartAsync(rig.Router.Simulator, 0, rig.Gateway);
        using var controlHttp = new HttpClient { BaseAddress = new Uri(control.Urls.Single()) };
        var api = await rig.Router.ConnectAsync();
        await api.AddHotspotUserAsync(new NewHotspotUser("ana", "1234"), None);
        await rig.PageAsync(HttpMethod.Post, "/login", Phone, PhoneIp, RunningGateway.Form("ana", "1234", ""));

        using (var nobody = await rig.Http.GetAsync(new Uri("/login", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        }

        using (var chosen = await controlHttp.PutAsJsonAsync("/gateway/device", new Dictionary<string, string> { ["mac-address"] = "aa-bb-cc-00-11-33", ["address"] = LaptopIp }))
        {
            Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        }

        var laptopPage = await rig.Http.GetStringAsync(new Uri("/login", UriKind.Relative));
        var phoneStatus = await rig.PageAsync(HttpMethod.Get, "/status", Phone, PhoneIp);
        using var laptopStatus = await rig.Http.GetAsync(new Uri("/status", UriKind.Relative));

        Assert.Equal($"{Laptop} {LaptopIp} MikroTik", RunningGateway.Element(laptopPage, "device"));
        Assert.Equal("ana", RunningGateway.Element(phoneStatus, "user"));
        Assert.Equal(HttpStatusCode.Redirect, laptopStatus.StatusCode);
        Assert.Contains(await api.GetHotspotHostsAsync(null, None), h => h.MacAddress == Laptop && h.Address == LaptopIp);
    }

    [Fact]
    public async Task Another_site_sends_a_device_that_is_not_logged_in_to_the_login_page_and_lets_it_through_after()
    {
        await using var rig = await RunningGateway.StartAsync();
        var api = await rig.Router.ConnectAsync();
        await api.AddHotspotUserAsync(new NewHotspotUser("ana", "1234"), None);

        using var before = await ToOtherSiteAsync(rig);
        await rig.PageAsync(HttpMethod.Post, "/login", Phone, PhoneIp, RunningGateway.Form("ana", "1234", "http://example.com/news?a=1"));
        using var after = await ToOtherSiteAsync(rig);

        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Equal("http://hotspot.test/login?dst=" + Uri.EscapeDataString("http://example.com/news?a=1"), before.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("You are online", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_with_a_mac_cookie_is_logged_in_by_it_when_it_comes_back()
    {
        await using var rig = await RunningGateway.StartAsync();
        var api = await rig.Router.ConnectAsync();
        await api.AddHotspotUserAsync(new NewHotspotUser("ana", "1234"), None);
        await rig.PageAsync(HttpMethod.Post, "/login", Phone, PhoneIp, RunningGateway.Form("ana", "1234", ""));
        var session = Assert.Single(await api.GetHotspotActiveAsync(null, None));
        await api.RemoveAsync(MikrotikMenus.HotspotActive, [session.Id], None);

        var status = await rig.PageAsync(HttpMethod.Get, "/status", Phone, PhoneIp);

        Assert.Equal("ana", RunningGateway.Element(status, "user"));
        Assert.Equal("mac-cookie", Assert.Single((await api.SendAsync(RouterOsCommand.Print(MikrotikMenus.HotspotActive), None)).Rows)["login-by"]);
    }

    [Fact]
    public async Task Files_of_the_portal_are_served_and_nothing_outside_it()
    {
        await using var rig = await RunningGateway.StartAsync();

        using var css = await rig.SendAsync(HttpMethod.Get, "/style.css", Phone, PhoneIp);
        // Sent as written: HttpClient would otherwise remove the dot segments before the gateway sees them.
        var escape = new Uri(rig.Gateway.Url.AbsoluteUri + "../../../Hotspot.Tests.dll", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(HttpMethod.Get, escape);
        request.Headers.Add(HotspotGateway.MacHeader, Phone);
        request.Headers.Add(HotspotGateway.IpHeader, PhoneIp);
        using var outside = await rig.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Theory]
    [InlineData(new[] { "--api-port", "0", "--portal-dir", "portal", "--gateway-port", "0", "--second-login", "replace" }, true)]
    [InlineData(new[] { "--api-port", "0", "--second-login", "sometimes" }, false)]
    [InlineData(new[] { "--gateway-port", "70000" }, false)]
    public void The_cli_starts_the_gateway_when_given_a_portal_directory(string[] args, bool valid)
    {
        var parsed = RouterOsSimulatorCli.Parse(args);

        Assert.Equal(valid, parsed is not null);
        if (valid)
        {
            Assert.Equal(("portal", 0, SecondLogin.Replace), (parsed!.Value.Gateway!.PortalDirectory, parsed.Value.Gateway.Port, parsed.Value.Options.SecondLoginOnDevice));
            Assert.Null(RouterOsSimulatorCli.Parse(["--api-port", "0"])!.Value.Gateway);
        }
    }

    private static async Task<HttpResponseMessage> ToOtherSiteAsync(RunningGateway rig)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/news?a=1");
        request.Headers.Host = "example.com";
        request.Headers.Add(HotspotGateway.MacHeader, Phone);
        request.Headers.Add(HotspotGateway.IpHeader, PhoneIp);
        return await rig.Http.SendAsync(request);
    }
}
