using System.Diagnostics;
using Hotspot.Tests.Deploy;

namespace Hotspot.Tests.Functions;

/// <summary>
/// <c>dotnet publish Hotspot.Functions -c Release</c>, as <c>azd deploy</c> runs it, once per test run, into a temporary
/// directory (deleted afterwards). The build restored the packages already, so the publish does not restore again.
/// </summary>
public sealed class PublishedWorkerFixture : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "hotspot-publish-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryFiles.Root, "Hotspot.Functions", "Hotspot.Functions.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No build servers: a compiler server left running would hold this process's output pipes open.
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-o", Directory, "--no-restore", "--nologo", "-v", "quiet", "--disable-build-servers" })
        {
            start.ArgumentList.Add(argument);
        }

        using var timeout = new CancellationTokenSource(PublishTimeout);
        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = publish.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = publish.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await publish.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            publish.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish did not finish within {PublishTimeout}.");
        }

        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    public Task DisposeAsync()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
