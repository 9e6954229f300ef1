using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hotspot.DevHost.Storage;

/// <summary>
/// Azurite's Table service, run from the repository's pinned npm dependency on a free loopback port, in memory.
/// Used by the DevHost when no storage is configured, and by the tests.
/// </summary>
public sealed class LocalAzurite : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's published development key: public, identical in every Azurite install.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private int _disposed;

    private LocalAzurite(Process process, int port)
    {
        _process = process;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public int Port { get; }

    public Uri TableEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};";

    public bool IsRunning => Volatile.Read(ref _disposed) == 0 && !_process.HasExited;

    public static async Task<LocalAzurite> StartAsync(CancellationToken cancellationToken = default)
    {
        var script = FindTableServiceScript();
        // Another process may take the free port between our probe and Azurite's bind: try a few ports.
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var process = Launch(script, port);
            var outcome = await WaitUntilListeningAsync(process, cancellationToken);
            if (outcome is null)
            {
                return new LocalAzurite(process, port);
            }

            await StopProcessAsync(process);
            if (attempt == attempts || !outcome.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Azurite did not start: {outcome}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await StopProcessAsync(_process);
        _process.Dispose();
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static Process Launch(string script, int port)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[]
                 {
                     script, "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(startInfo) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Azurite needs Node.js ('node' on PATH). Install Node.js 20 or later.", e);
        }
    }

    /// <summary>Null once Azurite says it listens; otherwise what it printed before exiting.</summary>
    private static async Task<string?> WaitUntilListeningAsync(Process process, CancellationToken cancellationToken)
    {
        var listening = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.Contains("successfully started", StringComparison.OrdinalIgnoreCase))
            {
                listening.TrySetResult(null);
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var winner = await Task.WhenAny(listening.Task, exited, Task.Delay(Timeout.Infinite, timeout.Token));
        if (winner == listening.Task)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (output)
        {
            return winner == exited
                ? $"exited with code {process.ExitCode}: {output}"
                : $"no 'started' message within {StartTimeout.TotalSeconds:0} s: {output}";
        }
    }

    private static async Task StopProcessAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The kill signal was sent; the OS reaps it.
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Finds node_modules/azurite from the working directory or the build output upwards.</summary>
    private static string FindTableServiceScript()
    {
        var relative = Path.Combine("node_modules", "azurite", "dist", "src", "table", "main.js");
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            "Azurite is not installed. Run 'npm ci' in the repository root (the README's commands do it for you), " +
            "or set Hotspot:Storage:ConnectionString to an existing storage account.");
    }
}
