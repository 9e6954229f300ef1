using System.Net;
using System.Text.RegularExpressions;
using Hotspot.Simulators.RouterOs;
using Hotspot.Simulators.RouterOs.Gateway;

namespace Hotspot.Tests.RouterOs.Gateway;

/// <summary>A simulated router with its hotspot gateway serving the test portal, and a browser-like client that does not follow redirects.</summary>
internal sealed partial class RunningGateway : IAsyncDisposable
{
    public static readonly string PortalDirectory = Path.Combine(AppContext.BaseDirectory, "RouterOs", "Gateway", "portal");

    private RunningGateway(RunningRouter router, HotspotGateway gateway)
    {
        Router = router;
        Gateway = gateway;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = gateway.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public RunningRouter Router { get; }

    public HotspotGateway Gateway { get; }

    public HttpClient Http { get; }

    public static async Task<RunningGateway> StartAsync(string? portalDirectory = null, Func<RouterOsSimulatorOptions, RouterOsSimulatorOptions>? configure = null)
    {
        var router = RunningRouter.Start(configure: configure);
        var gateway = await HotspotGateway.StartAsync(router.Simulator, new HotspotGatewayOptions { PortalDirectory = portalDirectory ?? PortalDirectory });
        return new RunningGateway(router, gateway);
    }

    /// <summary>A request as the device <paramref name="mac"/> sends it (the gateway reads the device from these headers).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string mac, string ip, IDictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(HotspotGateway.MacHeader, mac);
        request.Headers.Add(HotspotGateway.IpHeader, ip);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        return await Http.SendAsync(request);
    }

    public async Task<string> PageAsync(HttpMethod method, string path, string mac, string ip, IDictionary<string, string>? form = null)
    {
        using var response = await SendAsync(method, path, mac, ip, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The text of the element with this id in a page of the test portal, or null when the page has none.</summary>
    public static string? Element(string html, string id) =>
        Regex.Match(html, $"id=\"{Regex.Escape(id)}\"(?: value=\"(?<v>[^\"]*)\"|>(?<t>[^<]*)<)") is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups["v"].Success ? m.Groups["v"].Value : m.Groups["t"].Value)
            : null;

    public static Dictionary<string, string> Form(string username, string password, string dst) =>
        new() { ["username"] = username, ["password"] = password, ["dst"] = dst, ["popup"] = "true" };

    /// <summary>What the page's script computes: hex MD5 of the chap-id byte, the password and the 16 challenge bytes.</summary>
    public static string ChapResponse(string loginPage, string password)
    {
        var id = Octal(Element(loginPage, "chap-id")!);
        var challenge = Octal(Element(loginPage, "chap-challenge")!);
#pragma warning disable CA5351 // Hotspot CHAP is MD5 by definition.
        return Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData([.. id, .. System.Text.Encoding.ASCII.GetBytes(password), .. challenge]));
#pragma warning restore CA5351
    }

    private static byte[] Octal(string escaped) =>
        [.. Regex.Matches(escaped, @"\\([0-7]{3})").Select(m => Convert.ToByte(m.Groups[1].Value, 8))];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Gateway.DisposeAsync();
        await Router.DisposeAsync();
    }
}
