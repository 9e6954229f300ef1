using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hotspot.Testing;

/// <summary>
/// Debian's FreeRADIUS 3.2 running the repository's <c>radius/</c> config from a private copy in a temp folder, on free
/// loopback UDP ports, in the foreground without debug (so no password is logged), killed on dispose.
/// </summary>
public sealed class RunningFreeRadius : IAsyncDisposable
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(20);
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log;

    private RunningFreeRadius(Process process, string directory, StringBuilder log, int authPort, int acctPort, string udpSecret)
    {
        _process = process;
        _directory = directory;
        _log = log;
        AuthPort = authPort;
        AcctPort = acctPort;
        UdpSecret = udpSecret;
    }

    public int AuthPort { get; }

    public int AcctPort { get; }

    public string UdpSecret { get; }

    /// <summary>Everything FreeRADIUS logged so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<RunningFreeRadius> StartAsync(Uri api, string restSecret, string udpSecret)
    {
        ArgumentNullException.ThrowIfNull(api);
        var directory = Path.Combine(Path.GetTempPath(), "hotspot-radius-" + Guid.NewGuid().ToString("N")[..10]);
        CopyDirectory(ConfigDirectory(), directory);
        Directory.CreateDirectory(Path.Combine(directory, "run"));
        var (authPort, acctPort) = (FreeUdpPort(), FreeUdpPort());
        var start = new ProcessStartInfo("freeradius", ["-f", "-l", "stdout", "-d", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["HOTSPOT_RADIUS_ADDRESS"] = "127.0.0.1";
        start.Environment["HOTSPOT_RADIUS_AUTH_PORT"] = authPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["HOTSPOT_RADIUS_ACCT_PORT"] = acctPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["HOTSPOT_RADIUS_SECRET"] = udpSecret;
        start.Environment["HOTSPOT_RADIUS_API"] = api.ToString().TrimEnd('/');
        start.Environment["HOTSPOT_RADIUS_REST_SECRET"] = restSecret;
        start.Environment["HOTSPOT_RADIUS_RUN_DIR"] = Path.Combine(directory, "run");

        var log = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler onLine = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data.Contains("Ready to process requests", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.OutputDataReceived += onLine;
        process.ErrorDataReceived += onLine;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("FreeRADIUS exited at startup:\n" + Snapshot(log)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new RunningFreeRadius(process, directory, log, authPort, acctPort, udpSecret);
        try
        {
            await ready.Task.WaitAsync(StartBudget);
            return running;
        }
        catch
        {
            await running.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Snapshot(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    /// <summary>The repository's <c>radius/</c> folder, found upwards from the running assembly.</summary>
    private static string ConfigDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var config = Path.Combine(directory.FullName, "radius");
            if (File.Exists(Path.Combine(config, "radiusd.conf")))
            {
                return config;
            }
        }

        throw new DirectoryNotFoundException("No radius/radiusd.conf above " + AppContext.BaseDirectory);
    }

    private static int FreeUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var child in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(child, Path.Combine(to, Path.GetFileName(child)));
        }
    }
}
