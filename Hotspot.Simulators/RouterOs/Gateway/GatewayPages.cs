using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Hotspot.Simulators.RouterOs.Gateway;

/// <summary>
/// RouterOS's servlet page selection (MikroTik manual, "HotSpot customization"): <c>/</c> → rlogin.html / rstatus.html,
/// <c>/login</c> → login.html, alogin.html after a login (or when already logged in), flogin.html (else login.html) after
/// a failure, <c>/status</c> → status.html / fstatus.html, <c>/logout</c> → logout.html / flogout.html; a missing page
/// becomes a redirect (redirect.html when present). Any other host is "the internet": reachable once logged in.
/// </summary>
internal sealed class GatewayPages(RouterOsSimulator simulator, HotspotGatewayOptions options, PortalDirectory portal, ChapChallenges challenges)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public async Task<IResult> HandleAsync(HttpRequest request, GatewayDevice device, CancellationToken cancellationToken)
    {
        var state = simulator.State;
        if (state.SessionOf(device.MacAddress) is null && !state.CookieLogin(device.MacAddress)
            && simulator.Radius is { } radius && state.RadiusCookieOf(device.MacAddress) is { } remembered)
        {
            // A RADIUS login's MAC cookie replays its credentials in a fresh Access-Request (MikroTik manual, mac-cookie).
            await radius.LoginAsync(remembered, device.MacAddress, device.Address, "mac-cookie", cancellationToken);
        }

        var session = state.SessionOf(device.MacAddress);
        var ownHost = IsOwnHost(request.Host.Host);
        var page = new PageRequest(device, "http://" + (ownHost ? request.Host.Value : options.DnsName), state.Identity)
        {
            Session = session,
            Var = request.Query["var"].FirstOrDefault(),
            SessionId = request.Query["session-id"].FirstOrDefault(),
        };
        if (!ownHost)
        {
            var original = $"http://{request.Host.Value}{request.Path}{request.QueryString}";
            return session is not null
                ? Results.Content($"<!doctype html><title>Online</title><p>You are online: {Escape(original)}</p>", "text/html; charset=utf-8")
                : await RedirectAsync(page with { LinkOrig = original }, page.BaseUrl + "/login?dst=" + Uri.EscapeDataString(original), cancellationToken);
        }

        return request.Path.Value switch
        {
            "/" or "" => session is not null
                ? await PageOrRedirectAsync("rstatus.html", page, page.BaseUrl + "/status", cancellationToken)
                : await PageOrRedirectAsync("rlogin.html", page, page.BaseUrl + "/login", cancellationToken),
            "/login" => await LoginAsync(request, page, cancellationToken),
            "/status" => session is not null
                ? await PageOrRedirectAsync("status.html", page, page.BaseUrl + "/", cancellationToken)
                : await PageOrRedirectAsync("fstatus.html", await NotLoggedInAsync(page, cancellationToken), page.BaseUrl + "/login", cancellationToken),
            "/logout" => session is not null && state.LogOut(device.MacAddress)
                ? await PageOrRedirectAsync("logout.html", page, page.BaseUrl + "/login", cancellationToken)
                : await PageOrRedirectAsync("flogout.html", await NotLoggedInAsync(page, cancellationToken), page.BaseUrl + "/login", cancellationToken),
            _ => await FileAsync(request.Path.Value!, page, cancellationToken),
        };
    }

    private async Task<IResult> LoginAsync(HttpRequest request, PageRequest page, CancellationToken cancellationToken)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        string? Field(string name) => form?[name].FirstOrDefault() ?? request.Query[name].FirstOrDefault();
        var dst = Field("dst") is { Length: > 0 } d ? d : null;
        page = page with { LinkOrig = dst, Var = Field("var") ?? page.Var };
        if (page.Session is not null)
        {
            return await LoggedInAsync(page, dst, cancellationToken);
        }

        var username = Field("username");
        if (string.IsNullOrEmpty(username))
        {
            return await LoginPageAsync("login.html", page, cancellationToken);
        }

        var password = Field("password") ?? string.Empty;
        var chap = challenges.Take(page.Device.MacAddress);
        string errorKey;
        string? replyMessage = null;
        if (simulator.Radius is { } radius && !simulator.State.HasLocalUser(username))
        {
            var outcome = await radius.LoginAsync(RadiusCredentialOf(username, password, chap), page.Device.MacAddress, page.Device.Address,
                chap is not null && ChapChallenges.IsResponse(password) ? "http-chap" : "http-pap", cancellationToken);
            if (outcome.Accepted)
            {
                return await LoggedInAsync(page with { Session = simulator.State.SessionOf(page.Device.MacAddress) }, dst, cancellationToken);
            }

            (errorKey, replyMessage) = !outcome.Answered ? ("radius-timeout", null)
                : outcome.Refusal != LoginRefusal.None ? (GatewayErrors.KeyOf(outcome.Refusal), null)
                : outcome.ReplyMessage is { Length: > 0 } message ? ("radius-reply", message)
                : ("invalid-username", null);
        }
        else
        {
            var refusal = simulator.State.WebLogin(page.Device.MacAddress, username, stored =>
                chap is not null && string.Equals(password, chap.ExpectedResponse(stored), StringComparison.OrdinalIgnoreCase) ? "http-chap"
                : stored == password ? "http-pap"
                : null);
            if (refusal == LoginRefusal.None)
            {
                return await LoggedInAsync(page with { Session = simulator.State.SessionOf(page.Device.MacAddress) }, dst, cancellationToken);
            }

            errorKey = GatewayErrors.KeyOf(refusal);
        }

        var variables = PageVariables.For(page with { Username = username });
        var (error, original) = GatewayErrors.Text(errorKey, await portal.ReadTextAsync("errors.txt", cancellationToken), variables, replyMessage);
        var failed = page with { Username = username, Error = error, ErrorOrig = original };
        return portal.Resolve("flogin.html") is not null
            ? await LoginPageAsync("flogin.html", failed, cancellationToken)
            : await LoginPageAsync("login.html", failed, cancellationToken);
    }

    // The page sends hex(md5(id + password + challenge)) for CHAP, which the router passes on as CHAP-Password; else the password itself (PAP).
    private static Radius.RadiusCredential RadiusCredentialOf(string username, string password, ChapChallenges.Challenge? chap) =>
        chap is not null && ChapChallenges.IsResponse(password)
            ? new Radius.RadiusCredential(username, null, chap.Id, Convert.FromHexString(password), chap.Bytes)
            : new Radius.RadiusCredential(username, password);

    private async Task<IResult> LoggedInAsync(PageRequest page, string? dst, CancellationToken cancellationToken)
    {
        var redirect = dst ?? page.BaseUrl + "/status";
        return await PageOrRedirectAsync("alogin.html", page with { LinkRedirect = redirect }, redirect, cancellationToken);
    }

    private Task<IResult> LoginPageAsync(string name, PageRequest page, CancellationToken cancellationToken) =>
        PageOrRedirectAsync(name, options.Chap ? page with { Chap = challenges.Current(page.Device.MacAddress) } : page, null, cancellationToken);

    private async Task<PageRequest> NotLoggedInAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var (error, original) = GatewayErrors.Text("not-logged-in", await portal.ReadTextAsync("errors.txt", cancellationToken), PageVariables.For(page));
        return page with { Error = error, ErrorOrig = original };
    }

    private async Task<IResult> PageOrRedirectAsync(string name, PageRequest page, string? redirect, CancellationToken cancellationToken)
    {
        if (await portal.ReadTextAsync(name, cancellationToken) is { } template)
        {
            return Html(template, page);
        }

        return redirect is not null
            ? await RedirectAsync(page, redirect, cancellationToken)
            : Results.Text($"The portal directory {portal.Root} has no {name}.", "text/plain", statusCode: (int)HttpStatusCode.NotFound);
    }

    private async Task<IResult> RedirectAsync(PageRequest page, string location, CancellationToken cancellationToken) =>
        await portal.ReadTextAsync("redirect.html", cancellationToken) is { } template
            ? Html(template, page with { LinkRedirect = location })
            : Results.Redirect(location);

    private async Task<IResult> FileAsync(string path, PageRequest page, CancellationToken cancellationToken)
    {
        if (portal.Resolve(path) is not { } file)
        {
            return Results.Text("Not found.", "text/plain", statusCode: (int)HttpStatusCode.NotFound);
        }

        var extension = Path.GetExtension(file).ToUpperInvariant();
        if (extension is ".HTML" or ".HTM")
        {
            return Html(await File.ReadAllTextAsync(file, cancellationToken), page);
        }

        return Results.File(file, ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream");
    }

    // Values are HTML-escaped: a page can never be made to run what a request carried (dst, username, var).
    private static IResult Html(string template, PageRequest page) =>
        Results.Content(PortalTemplate.Render(template, PageVariables.For(page), Escape), "text/html; charset=utf-8");

    // Only the five characters that matter to HTML, so that octal CHAP escapes and URLs stay as they are.
    private static string Escape(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private bool IsOwnHost(string host) =>
        string.Equals(host, options.DnsName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || IPAddress.TryParse(host, out _);
}
