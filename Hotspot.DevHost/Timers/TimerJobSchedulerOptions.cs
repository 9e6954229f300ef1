namespace Hotspot.DevHost.Timers;

/// <summary>Configuration section <c>Hotspot:DevHost:Timers</c>.</summary>
public sealed class TimerJobSchedulerOptions
{
    public const string Section = "Hotspot:DevHost:Timers";

    /// <summary>Run the timer jobs in the background (on by default, as in Azure).</summary>
    public bool Enabled { get; set; } = true;
}
