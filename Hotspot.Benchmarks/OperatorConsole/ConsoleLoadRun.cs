using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotspot.OperatorConsole;
using Hotspot.Testing;

namespace Hotspot.Benchmarks.OperatorConsole;

/// <summary>
/// The operator console's first load on a cold cache: the DevHost serves /console/, and a headless Chromium with a new
/// profile each run (nothing cached) opens it until the sign-in form is on screen. Reports the console's size, the
/// bytes the browser received, its requests, and the times from Chromium's own performance timing.
/// Run: dotnet run -c Release --project Hotspot.Benchmarks -- console-load [runs]
/// </summary>
internal static class ConsoleLoadRun
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] Switches = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-port=0"];
    private static readonly string[] Executables = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    // Resolves when the sign-in form exists and the load event has passed; answers Chromium's measurements.
    private const string Measure = """
        new Promise(resolve => {
          const done = () => {
            const formAt = performance.now();
            const nav = performance.getEntriesByType('navigation')[0];
            const resources = performance.getEntriesByType('resource');
            const finish = () => resolve(JSON.stringify({
              form: formAt, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
              requests: 1 + resources.length,
              transfer: nav.transferSize + resources.reduce((s, r) => s + r.transferSize, 0),
              body: nav.decodedBodySize + resources.reduce((s, r) => s + r.decodedBodySize, 0) }));
            if (nav.loadEventEnd > 0) finish(); else addEventListener('load', () => setTimeout(finish, 0));
          };
          if (document.querySelector('#login-form')) done();
          else new MutationObserver((_, o) => { if (document.querySelector('#login-form')) { o.disconnect(); done(); } }).observe(document, { subtree: true, childList: true });
        })
        """;

    public static async Task<int> RunAsync(int runs)
    {
        var chromium = Executables.FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            await Console.Error.WriteLineAsync("chromium is not installed (apt-get install chromium).");
            return 1;
        }

        await using var host = await RunningDevHost.StartAsync(new Dictionary<string, string?>
        {
            ["Hotspot:Storage:TablePrefix"] = "bench" + Guid.NewGuid().ToString("N")[..8],
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var url = new Uri(host.Client.BaseAddress!, "/console/");
        var size = ConsoleFiles.All.Values.Sum(f => (long)f.Content.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"console/: {ConsoleFiles.All.Count} files, {size:N0} bytes (uncompressed, as served)"));

        var cold = new List<JsonElement>();
        var warm = new List<JsonElement>();
        for (var run = 0; run < runs; run++)
        {
            await using var browser = await Browser.StartAsync(chromium);
            cold.Add(await browser.OpenAsync(url));
            warm.Add(await browser.OpenAsync(url));
        }

        Report("cold cache (new profile)", cold);
        Report("warm (same profile, revalidated by ETag)", warm);
        return 0;
    }

    private static void Report(string name, List<JsonElement> samples)
    {
        double Median(string key)
        {
            var values = samples.Select(s => s.GetProperty(key).GetDouble()).Order().ToList();
            return values[values.Count / 2];
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}, {samples.Count} runs, medians: sign-in form shown {Median("form"):F1} ms, DOMContentLoaded {Median("domContentLoaded"):F1} ms, load {Median("load"):F1} ms; {Median("requests"):F0} requests, {Median("transfer"):N0} bytes transferred ({Median("body"):N0} bytes of bodies)"));
    }

    /// <summary>Just enough of the DevTools protocol: one page, navigate, evaluate a promise.</summary>
    private sealed class Browser : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _profile;
        private readonly ClientWebSocket _socket;
        private int _id;

        private Browser(Process process, string profile, ClientWebSocket socket) => (_process, _profile, _socket) = (process, profile, socket);

        public static async Task<Browser> StartAsync(string executable)
        {
            var profile = Directory.CreateTempSubdirectory("hotspot-console-bench-").FullName;
            var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in Switches.Append($"--user-data-dir={profile}").Append("about:blank"))
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(Patience);
            string? line;
            while ((line = await process.StandardError.ReadLineAsync(timeout.Token)) is not null && !line.StartsWith("DevTools listening on ", StringComparison.Ordinal))
            {
            }

            var endpoint = new Uri(line?["DevTools listening on ".Length..] ?? throw new InvalidOperationException("chromium did not start its DevTools endpoint."));
            _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
            using var http = new HttpClient { Timeout = Patience };
            var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://{endpoint.Authority}/json/list"), timeout.Token))!.AsArray();
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri((string)targets.First(t => (string?)t!["type"] == "page")!["webSocketDebuggerUrl"]!), timeout.Token);
            return new Browser(process, profile, socket);
        }

        public async Task<JsonElement> OpenAsync(Uri url)
        {
            await CallAsync("Page.navigate", new { url = url.AbsoluteUri });
            // Evaluated once the new document exists: Runtime.evaluate waits for the navigation's commit.
            var result = await CallAsync("Runtime.evaluate", new { expression = "new Promise(r => (document.readyState === 'loading' || location.href === 'about:blank') ? setTimeout(r, 0) : r()).then(() => " + Measure + ")", awaitPromise = true, returnByValue = true });
            return JsonDocument.Parse(result.GetProperty("result").GetProperty("value").GetString()!).RootElement.Clone();
        }

        private async Task<JsonElement> CallAsync(string method, object parameters)
        {
            var id = ++_id;
            using var timeout = new CancellationTokenSource(Patience);
            await _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters }), WebSocketMessageType.Text, true, timeout.Token);
            var buffer = new byte[1 << 16];
            using var message = new MemoryStream();
            while (true)
            {
                var part = await _socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }

                var root = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                message.SetLength(0);
                if (root.TryGetProperty("id", out var answered) && answered.GetInt32() == id)
                {
                    return root.TryGetProperty("error", out var error) ? throw new InvalidOperationException(error.ToString()) : root.GetProperty("result");
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _socket.Abort();
            _socket.Dispose();
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            Directory.Delete(_profile, recursive: true);
        }
    }
}
