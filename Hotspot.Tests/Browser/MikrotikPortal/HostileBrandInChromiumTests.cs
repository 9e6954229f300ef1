using System.Net;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Browser.MikrotikPortal;

/// <summary>
/// A venue whose name and terms are full of HTML, JavaScript and RouterOS metacharacters: on every MikroTik page the
/// text appears literally and nothing runs (headless Chromium), config.js carries it as an inert JavaScript string, and
/// the walled-garden script never sees it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileBrandInChromiumTests(AzuriteFixture azurite, PortalStageFixture fixture) : IClassFixture<PortalStageFixture>
{
    private const string Name = "<img src=x onerror=alert(1)>\"; /system reset-configuration; $(x) [:put 1] </h1><script>alert(2)</script>'`${3}";
    private const string Terms = "</p><script>alert(4)</script><a href=\"javascript:alert(5)\">ok</a>\n$(link-login-only) [/system reboot] \\\" & &amp;";

    /// <summary>Any dialog, and any script that is not one of the page's own files, marks the document.</summary>
    private const string Tripwire = """
        for (const name of ['alert', 'confirm', 'prompt']) { window[name] = () => document.documentElement.setAttribute('data-pwned', name); }
        """;

    [ChromiumFact]
    public async Task A_hostile_venue_name_and_terms_render_as_text_on_every_page_and_run_nothing()
    {
        var stage = await fixture.StageAsync(azurite);
        await stage.SetBrandAsync(new { nombre_comercial = Name, terminos = Terms, telefono = "+52 55 1234 5678" });
        var script = await stage.WriteConfigAsync(idioma: "es");
        using var garden = await stage.Host.SendAsync(HttpMethod.Get, $"{stage.Keyed.RouterPath}/portal/walled-garden", stage.Keyed.RootToken);
        var walledGarden = await garden.Content.ReadAsStringAsync();
        await stage.Browser.SendAsync("Page.addScriptToEvaluateOnNewDocument", new { source = Tripwire });
        var voucher = "V" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        await stage.Client.AddHotspotUserAsync(new NewHotspotUser(voucher, "ficha-6060") { Profile = PortalStage.Profile }, CancellationToken.None);
        await stage.ForgetEverythingAsync();
        stage.Device(PortalStage.RandomMac(), "10.5.50.71");

        var pages = new Dictionary<string, PageSeen>();
        await stage.BrowseAsync();
        await stage.StateAsync("catalog");
        pages["login"] = await SeenAsync(stage);
        var terms = await stage.Browser.EvaluateAsync("document.getElementById('brand-terms-text').textContent");
        var configured = await stage.Browser.EvaluateAsync("window.HOTSPOT_CONFIG.marca.nombre_comercial");
        await stage.ScreenshotAsync("brand-hostile-login");

        await stage.Browser.NavigateAsync(new Uri(PortalStage.Origin + "/error.html"));
        await stage.StateAsync("error");
        pages["error"] = await SeenAsync(stage);

        await stage.BrowseAsync();
        await stage.StateAsync("catalog", "login");
        await stage.Browser.EvaluateAsync($"document.getElementById('username').value = {JsonSerializer.Serialize(voucher)}; document.getElementById('password').value = 'ficha-6060'");
        await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.getElementById('login-submit').click()"));
        await stage.StateAsync("online");
        pages["alogin"] = await SeenAsync(stage);
        await stage.ArrivedAtAsync(PortalStage.Internet);

        await stage.Browser.NavigateAsync(new Uri(PortalStage.Origin + "/status"));
        await stage.StateAsync("status");
        pages["status"] = await SeenAsync(stage);
        await stage.Browser.UntilLoadedAsync(() => stage.Browser.EvaluateAsync("document.querySelector('#logout-form button').click()"));
        await stage.StateAsync("logged-out");
        pages["logout"] = await SeenAsync(stage);

        Assert.All(pages, page =>
        {
            Assert.Equal(Name, page.Value.Name);
            Assert.Null(page.Value.Pwned);
            Assert.Equal(1, page.Value.Images);
            Assert.True(page.Value.OwnScriptsOnly, page.Key);
        });
        Assert.Equal(Terms, terms);
        Assert.Equal(Name, configured);
        Assert.DoesNotContain("<", script, StringComparison.Ordinal);
        Assert.DoesNotContain("$(", script, StringComparison.Ordinal);
        Assert.DoesNotContain("\"; /system", script, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, garden.StatusCode);
        Assert.DoesNotContain("reset-configuration", walledGarden, StringComparison.Ordinal);
        Assert.DoesNotContain(":put", walledGarden, StringComparison.Ordinal);
    }

    private sealed record PageSeen(string? Name, string? Pwned, int Images, bool OwnScriptsOnly);

    private static async Task<PageSeen> SeenAsync(PortalStage stage)
    {
        var json = await stage.Browser.EvaluateAsync("""
            JSON.stringify({
              name: document.getElementById('brand-name').textContent,
              pwned: document.documentElement.getAttribute('data-pwned'),
              images: document.images.length,
              own: [...document.scripts].every(s => s.src && new URL(s.src).origin === location.origin),
            })
            """);
        var v = JsonDocument.Parse(json!).RootElement;
        return new PageSeen(v.GetProperty("name").GetString(), v.GetProperty("pwned").GetString(), v.GetProperty("images").GetInt32(), v.GetProperty("own").GetBoolean());
    }
}
