using System.Net;
using System.Text.Json;
using Hotspot.Tests.Deploy;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Sales.Purchases;

namespace Hotspot.Tests.Browser.OperatorConsole;

/// <summary>
/// The operator console as an operator meets it: the DevHost (Azurite) with a company whose router is the RouterOS
/// simulator and whose Stripe account is the payment simulator's (<see cref="SalesWorld"/>), a cliente_admin of that
/// company, and one headless Chromium at a desktop or phone size opened on <c>/console/</c>.
/// </summary>
internal sealed class ConsoleStage : IAsyncDisposable
{
    public const string OperatorPassword = Hotspot.Tests.Tenancy.TenancyHost.ClientePassword;

    private ConsoleStage(SalesWorld world, HeadlessChromium browser, string operatorEmail, string size)
    {
        World = world;
        Browser = browser;
        OperatorEmail = operatorEmail;
        Size = size;
    }

    public SalesWorld World { get; }

    public HeadlessChromium Browser { get; }

    public string OperatorEmail { get; }

    /// <summary><c>desktop</c> or <c>phone</c>: the screenshots' suffix.</summary>
    public string Size { get; }

    public Uri ConsoleUrl => new(World.Host.Host.Client.BaseAddress!, "/console/");

    /// <param name="language">The browser's language (Accept-Language and navigator.languages): the console speaks Spanish unless it is English.</param>
    public static async Task<ConsoleStage> StartAsync(AzuriteFixture azurite, bool phone, string language = "es-MX")
    {
        var world = await SalesWorld.StartAsync(azurite);
        var email = $"operador-{Guid.NewGuid():N}"[..20] + "@cafe.test";
        await world.Host.CreateUsuarioAsync(world.RootToken, email, "cliente_admin", world.EmpresaId);
        var browser = await HeadlessChromium.StartAsync($"--lang={language}", $"--accept-lang={language}");
        await browser.SendAsync("Page.enable");
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", phone
            ? new { width = 360, height = 740, deviceScaleFactor = 2, mobile = true }
            : new { width = 1280, height = 860, deviceScaleFactor = 1, mobile = false });
        return new ConsoleStage(world, browser, email, phone ? "phone" : "desktop");
    }

    public Task OpenAsync() => Browser.NavigateAsync(ConsoleUrl);

    /// <summary>Follows a link of the console's menu (a hash change: the page stays loaded) and waits for that view.</summary>
    public async Task GoAsync(string view)
    {
        await Browser.EvaluateAsync($"location.hash = {Js("#/" + view)}");
        await UntilAsync($"document.querySelector({Js($".view[data-view={view}]")})");
    }

    /// <summary>Waits (DOM change by DOM change, bounded) until <paramref name="expression"/> is truthy in the page; answers its value as text.</summary>
    public async Task<string> UntilAsync(string expression)
    {
        var script = $$"""
            new Promise(resolve => {
              const test = () => { try { return {{expression}}; } catch { return null; } };
              const now = test();
              if (now) { resolve(String(now)); return; }
              const watch = new MutationObserver(() => { const v = test(); if (v) { watch.disconnect(); resolve(String(v)); } });
              watch.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
            })
            """;
        var result = await Browser.SendAsync("Runtime.evaluate", new { expression = script, awaitPromise = true, returnByValue = true });
        return result.GetProperty("result").GetProperty("value").GetString()!;
    }

    /// <summary>The text as shown (whitespace runs as one space) of the first element matching <paramref name="selector"/>, once it is there.</summary>
    public Task<string> TextOfAsync(string selector) =>
        UntilAsync($"(e => e && e.innerText.trim().replace(/\\s+/g, ' '))(document.querySelector({Js(selector)}))");

    /// <summary>Types into the named fields of a form and submits it as the Enter key would.</summary>
    public async Task SubmitAsync(string formSelector, IReadOnlyDictionary<string, string> values)
    {
        await UntilAsync($"document.querySelector({Js(formSelector)})");
        await Browser.EvaluateAsync($$"""
            (() => {
              const form = document.querySelector({{Js(formSelector)}});
              for (const [name, value] of Object.entries({{JsonSerializer.Serialize(values)}})) {
                const input = form.elements.namedItem(name);
                input.value = value;
                input.dispatchEvent(new Event('input', { bubbles: true }));
              }
              form.requestSubmit();
            })()
            """);
    }

    public async Task ClickAsync(string selector)
    {
        await UntilAsync($"document.querySelector({Js(selector)})");
        await Browser.EvaluateAsync($"document.querySelector({Js(selector)}).click()");
    }

    public async Task SignInAsync(string? password = null)
    {
        await SubmitAsync("#login-form", new Dictionary<string, string> { ["email"] = OperatorEmail, ["password"] = password ?? OperatorPassword });
        // The view signing in lands on has rendered (the dashboard its figures): a test that moves on at once is not
        // overtaken by that view arriving late.
        await UntilAsync("document.querySelector('#logout') && (v => v && (v.dataset.view !== 'panel' || document.querySelector('#period-today')))(document.querySelector('.view'))");
    }

    /// <summary>A guest buys <paramref name="productoId"/> on the portal and pays on the provider's page (the payment simulator); answers once the router has the user.</summary>
    public async Task<string> GuestBuysAsync(string productoId)
    {
        using var response = await World.PostCompraAsync(SalesWorld.Order("stripe", "22:33:44:55:66:77", productoId: productoId), Guid.NewGuid().ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var compra = Compra.From(JsonDocument.Parse(text).RootElement.Clone());
        await World.PayAsync(compra, "approve");
        await World.Probe.ReachedAsync(compra.Id, Hotspot.Sales.Purchases.CompraEstados.Provisionada);
        return compra.Id;
    }

    /// <summary>Keeps the whole page as TestResults/screenshots/console-<paramref name="name"/>-desktop|phone.png at the repository root.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var shot = await Browser.SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true });
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryFiles.Root, "TestResults", "screenshots")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, $"console-{name}-{Size}.png"), Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    public static string Js(string text) => JsonSerializer.Serialize(text);

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        await World.DisposeAsync();
    }
}
