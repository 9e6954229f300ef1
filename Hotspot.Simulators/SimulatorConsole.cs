using System.Globalization;
using System.Runtime.InteropServices;

namespace Hotspot.Simulators;

/// <summary>Ctrl+C or SIGTERM, caught from the moment it is made, so a simulator's CLI can stop cleanly: await <see cref="Stopped"/>.</summary>
internal sealed class StopSignal : IDisposable
{
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;

    public StopSignal()
    {
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    public Task Stopped => _stopped.Task;

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
    }

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _stopped.TrySetResult();
    }
}

/// <summary>Option values the simulators' command lines share.</summary>
internal static class CliValues
{
    /// <summary>A TCP port (0 picks a free one), or null when the text is not one.</summary>
    public static int? Port(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 ? port : null;
}
