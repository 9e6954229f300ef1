using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Browser.OperatorConsole;

/// <summary>The console's session in headless Chromium: an expired token keeps the page and asks to sign in again; the password changes; the language follows the browser.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConsoleSessionInChromiumTests(AzuriteFixture azurite)
{
    [ChromiumFact]
    public async Task An_expired_session_keeps_the_page_and_asks_to_sign_in_again_then_the_view_reloads()
    {
        await using var stage = await ConsoleStage.StartAsync(azurite, phone: false);
        await stage.OpenAsync();
        await stage.SignInAsync();
        await stage.GoAsync("ventas");
        await stage.SubmitAsync("#sales-filters", new Dictionary<string, string> { ["estado"] = "provisionada" });
        await stage.UntilAsync("document.querySelector('.pager')");
        await stage.Browser.EvaluateAsync("document.querySelector('.view').dataset.before = 'expiry'");

        // The session token's day is over (seed 004: 24 hours, not refreshable); the next request answers 401.
        stage.World.Host.Clock.Advance(TimeSpan.FromHours(25));
        await stage.ClickAsync("#sales-apply");
        var lead = await stage.TextOfAsync("dialog[open] .lead");
        var stored = await stage.Browser.EvaluateAsync("sessionStorage.getItem('hs_console_token') === null");
        await stage.ScreenshotAsync("session-expired");
        await stage.SubmitAsync("dialog[open] #login-form", new Dictionary<string, string> { ["email"] = stage.OperatorEmail, ["password"] = ConsoleStage.OperatorPassword });
        await stage.UntilAsync("!document.querySelector('dialog[open]') && document.querySelector('.view[data-view=ventas]:not([data-before]) .pager')");
        var hash = await stage.Browser.EvaluateAsync("location.hash");
        var filter = await stage.Browser.EvaluateAsync("document.querySelector('#sales-filters [name=estado]').value");

        Assert.Equal("Tu sesión terminó. Inicia sesión otra vez para seguir donde estabas.", lead);
        Assert.Equal("True", stored);
        Assert.Equal("#/ventas", hash);
        Assert.Equal("provisionada", filter);
    }

    [ChromiumFact]
    public async Task Changing_the_password_keeps_the_session_and_the_new_one_signs_in_after_signing_out()
    {
        await using var stage = await ConsoleStage.StartAsync(azurite, phone: true);
        const string newPassword = "una-clave-nueva-y-larga";
        await stage.OpenAsync();
        await stage.SignInAsync();
        await stage.ClickAsync("#change-password");
        await stage.SubmitAsync("#password-form", new Dictionary<string, string> { ["current_password"] = "not-the-password", ["new_password"] = newPassword });
        var refused = await stage.TextOfAsync("#password-form .notice.error");
        await stage.SubmitAsync("#password-form", new Dictionary<string, string> { ["current_password"] = ConsoleStage.OperatorPassword, ["new_password"] = newPassword });
        var changed = await stage.TextOfAsync("#password-form .notice.ok");
        await stage.ScreenshotAsync("password-changed");
        await stage.ClickAsync("dialog[open] button.secondary");
        var stillIn = await stage.TextOfAsync("#period-today h2");
        await stage.ClickAsync("#logout");
        await stage.UntilAsync("document.querySelector('.login-card')");
        var token = await stage.Browser.EvaluateAsync("sessionStorage.getItem('hs_console_token') === null");
        await stage.SubmitAsync("#login-form", new Dictionary<string, string> { ["email"] = stage.OperatorEmail, ["password"] = ConsoleStage.OperatorPassword });
        var oldOne = await stage.TextOfAsync("#login-form .notice.error");
        await stage.SignInAsync(newPassword);

        Assert.Equal("Contraseña actual incorrecta", refused);
        Assert.Equal("Tu contraseña cambió. Tu sesión sigue abierta.", changed);
        Assert.Equal("Hoy", stillIn);
        Assert.Equal("True", token);
        Assert.Equal("Credenciales inválidas", oldOne);
    }

    [ChromiumFact]
    public async Task A_browser_in_English_gets_the_console_in_English()
    {
        await using var stage = await ConsoleStage.StartAsync(azurite, phone: true, language: "en-US");
        await stage.OpenAsync();
        var title = await stage.TextOfAsync(".login-card h1");
        await stage.SignInAsync();
        var today = await stage.TextOfAsync("#period-today");
        var nav = await stage.TextOfAsync("header nav");

        Assert.Equal("Sign in", title);
        Assert.Equal("Today No sales", today);
        Assert.Equal("Dashboard Products Sales Routers", nav);
    }

    [ChromiumFact]
    public async Task The_routers_view_tests_the_connection_on_demand_and_shows_a_new_key_once()
    {
        await using var stage = await ConsoleStage.StartAsync(azurite, phone: false);
        await stage.OpenAsync();
        await stage.SignInAsync();
        await stage.GoAsync("routers");
        await stage.ClickAsync(".router [data-action=test]");
        var tested = await stage.UntilAsync("(e => e && e.className.includes('-text') && e.innerText)(document.querySelector('.router [data-test-result]'))");
        await stage.ClickAsync(".router [data-action=issue-portal]");
        var key = await stage.UntilAsync("document.querySelector('.router [data-key]')?.value");
        await stage.ScreenshotAsync("routers");
        var listed = await stage.UntilAsync("[...document.querySelectorAll('.router .keys li')].map(li => li.innerText).join('|').match(/portal · activa/g)?.length >= 2 && document.querySelector('.router .keys').innerText");
        await stage.GoAsync("panel");
        await stage.GoAsync("routers");
        await stage.UntilAsync("document.querySelector('.router .keys li')");
        var shownAgain = await stage.Browser.EvaluateAsync("document.querySelector('.router [data-key]') !== null");

        Assert.StartsWith("Conexión correcta", tested, StringComparison.Ordinal);
        Assert.StartsWith("jwt_", key, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.Equal("False", shownAgain);
    }
}
