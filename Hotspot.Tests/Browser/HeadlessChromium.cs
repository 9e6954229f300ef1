using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotspot.Tests.Browser;

/// <summary>
/// A headless Chromium driven over the DevTools protocol through one page: enough to open a URL, click, read the DOM
/// and take a screenshot as a guest's phone would see it. Every wait is bounded.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _calls = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private int _nextId;

    private HeadlessChromium(Process process, string profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
        _receiving = ReceiveAsync();
    }

    public static string? Executable { get; } =
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    /// <param name="arguments">More command-line switches (say, <c>--host-resolver-rules</c> to send a made-up host to a local port).</param>
    public static async Task<HeadlessChromium> StartAsync(params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("hotspot-chromium-").FullName;
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("chromium is not installed."))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        string[] switches = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-port=0",
            $"--user-data-dir={profile}", .. arguments, "about:blank"];
        foreach (var arg in switches)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Patience);
        string? line;
        while ((line = await process.StandardError.ReadLineAsync(timeout.Token)) is not null && !line.StartsWith("DevTools listening on ", StringComparison.Ordinal))
        {
        }

        var browserSocket = new Uri(line?["DevTools listening on ".Length..] ?? throw new InvalidOperationException("chromium did not start its DevTools endpoint."));
        // Chromium keeps writing; unread pipes would fill and stall it.
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        using var http = new HttpClient { Timeout = Patience };
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://{browserSocket.Authority}/json/list"), timeout.Token))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), timeout.Token);
        return new HeadlessChromium(process, profile, socket);
    }

    /// <summary>Calls a DevTools method and returns its result.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = answer;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _socket.SendAsync(message, WebSocketMessageType.Text, true, _stop.Token);
        return await answer.Task.WaitAsync(Patience);
    }

    /// <summary>Runs <paramref name="action"/> and waits for the page's next load.</summary>
    public async Task UntilLoadedAsync(Func<Task> action)
    {
        var loaded = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _events["Page.loadEventFired"] = loaded;
        await action();
        await loaded.Task.WaitAsync(Patience);
    }

    /// <summary>The next DevTools event named <paramref name="method"/> (its whole message), from now on; bounded.</summary>
    public Task<JsonElement> NextEventAsync(string method)
    {
        var next = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _events[method] = next;
        return next.Task.WaitAsync(Patience);
    }

    public Task NavigateAsync(Uri url) => UntilLoadedAsync(() => SendAsync("Page.navigate", new { url = url.AbsoluteUri }));

    /// <summary>The value of a JavaScript expression evaluated in the page.</summary>
    public async Task<string?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true });
        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.ToString() : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        await _receiving.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _stop.Dispose();
        Directory.Delete(_profile, recursive: true);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested)
        {
            var part = await _socket.ReceiveAsync(buffer, _stop.Token);
            message.Write(buffer, 0, part.Count);
            if (!part.EndOfMessage)
            {
                continue;
            }

            using var document = JsonDocument.Parse(message.ToArray());
            message.SetLength(0);
            var root = document.RootElement;
            if (root.TryGetProperty("id", out var id) && _calls.TryRemove(id.GetInt32(), out var call))
            {
                if (root.TryGetProperty("error", out var error))
                {
                    call.TrySetException(new InvalidOperationException(error.ToString()));
                }
                else
                {
                    call.TrySetResult(root.GetProperty("result").Clone());
                }
            }
            else if (root.TryGetProperty("method", out var method) && _events.TryRemove(method.GetString()!, out var waiter))
            {
                waiter.TrySetResult(root.Clone());
            }
        }
    }
}
