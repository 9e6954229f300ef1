using System.Text.RegularExpressions;
using Hotspot.Tests.Deploy;

namespace Hotspot.Tests.MikrotikPortal;

/// <summary>
/// The files an operator uploads to the router (portal/mikrotik/): no secret in them (the router key is pasted into
/// config.js by the operator and is the only one), nothing fetched from outside the walled garden, and no markup built
/// from data in the script.
/// </summary>
public sealed partial class PortalPagesTests
{
    private static readonly string Folder = Path.Combine(RepositoryFiles.Root, "portal", "mikrotik");

    [Fact]
    public void The_uploaded_folder_has_every_page_the_router_serves_and_md5_and_config()
    {
        var files = Directory.GetFiles(Folder).Select(Path.GetFileName).Order().ToList();

        Assert.Equal(["alogin.html", "brand.js", "config.js", "error.html", "errors.txt", "login.html", "logout.html", "md5.js", "portal.css", "portal.js", "status.html"], files);
    }

    [Fact]
    public void No_page_carries_a_secret_or_a_third_party_address_and_the_config_template_has_no_key()
    {
        var texts = Directory.GetFiles(Folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

        Assert.All(texts, file =>
        {
            Assert.DoesNotContain("jwt_", file.Value, StringComparison.Ordinal);
            Assert.DoesNotMatch(SecretLooking(), file.Value);
            Assert.DoesNotMatch(ExternalAddress(), file.Value);
        });
        Assert.Contains("apiKey: \"\"", texts["config.js"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_script_never_turns_data_into_markup()
    {
        var script = File.ReadAllText(Path.Combine(Folder, "portal.js"));

        Assert.DoesNotMatch(MarkupSinks(), script);
        Assert.True(new FileInfo(Path.Combine(Folder, "portal.js")).Length + new FileInfo(Path.Combine(Folder, "portal.css")).Length < 40 * 1024);
    }

    [Fact]
    public void The_plain_login_form_posts_to_the_router_without_javascript_and_every_router_error_has_words()
    {
        var login = File.ReadAllText(Path.Combine(Folder, "login.html"));
        var errors = File.ReadAllLines(Path.Combine(Folder, "errors.txt")).Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#')).ToList();
        string[] routerKeys = ["internal-error", "config-error", "not-logged-in", "ippool-empty", "shutting-down", "user-session-limit", "license-session-limit",
            "wrong-mac-username", "chap-missing", "invalid-username", "invalid-mac", "uptime-limit", "traffic-limit", "radius-timeout", "auth-in-progress", "radius-reply"];

        Assert.Matches("<form id=\"login-form\" name=\"login\" action=\"\\$\\(link-login-only\\)\" method=\"post\">", login);
        Assert.Contains("name=\"username\"", login, StringComparison.Ordinal);
        Assert.Contains("name=\"password\"", login, StringComparison.Ordinal);
        Assert.Equal(routerKeys.Order(), errors.Select(l => l.Split('=')[0].Trim()).Order());
        Assert.All(errors, l => Assert.Matches("^[a-z-]+ = [^$/]+ / [^$/]+$", l));
    }

    [GeneratedRegex("(sk_(live|test)_|rk_(live|test)_|whsec_|APP_USR-|TEST-[0-9]{4}|-----BEGIN|Bearer ey)")]
    private static partial Regex SecretLooking();

    [GeneratedRegex("(?i)(src|href)\\s*=\\s*[\"']https?://|url\\(\\s*['\"]?https?://|@import")]
    private static partial Regex ExternalAddress();

    [GeneratedRegex("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function")]
    private static partial Regex MarkupSinks();
}
