using System.Text.Json;
using Hotspot.Tests.Deploy;

namespace Hotspot.Tests.Browser;

/// <summary>What the portal-page tests ask of the browser, whichever router kind serves the pages.</summary>
internal static class PortalPageWaits
{
    /// <summary>Waits until the portal says it is in one of <paramref name="states"/> (body[data-state]); returns that state.</summary>
    public static async Task<string> StateAsync(this HeadlessChromium browser, params string[] states)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var expression = $$"""
            new Promise(resolve => {
              const wanted = {{JsonSerializer.Serialize(states)}};
              const check = () => { const s = document.body && document.body.getAttribute('data-state'); if (wanted.includes(s)) { resolve(s); return true; } return false; };
              if (!check()) { document.addEventListener('hotspot:state', check); }
            })
            """;
        var result = await browser.SendAsync("Runtime.evaluate", new { expression, awaitPromise = true, returnByValue = true });
        return result.GetProperty("result").GetProperty("value").GetString()!;
    }

    /// <summary>Waits, page load by page load, until the browser is at a URL starting with <paramref name="prefix"/>.</summary>
    public static async Task<string> ArrivedAtAsync(this HeadlessChromium browser, string prefix)
    {
        ArgumentNullException.ThrowIfNull(browser);
        for (var loads = 0; loads < 8; loads++)
        {
            var loaded = browser.NextEventAsync("Page.loadEventFired");
            try
            {
                if (await browser.EvaluateAsync("document.readyState === 'complete' ? location.href : ''") is { } href && href.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return href;
                }
            }
            catch (InvalidOperationException)
            {
                // The page was being replaced; the next load says where it went.
            }

            await loaded;
        }

        throw new InvalidOperationException($"The browser never arrived at {prefix}.");
    }

    /// <summary>The text of a shown element; null when it is hidden or missing.</summary>
    public static Task<string?> TextOfIdAsync(this HeadlessChromium browser, string id) =>
        browser.EvaluateAsync($"(e => e && !e.hidden ? e.innerText : undefined)(document.getElementById({JsonSerializer.Serialize(id)}))");

    /// <summary>Keeps what the guest sees as TestResults/screenshots/<paramref name="name"/>.png at the repository root.</summary>
    public static async Task ScreenshotAsync(this HeadlessChromium browser, string name)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var shot = await browser.SendAsync("Page.captureScreenshot", new { format = "png" });
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryFiles.Root, "TestResults", "screenshots")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }
}
