namespace Hotspot.Timers;

/// <summary>
/// Background work on a schedule. Azure Functions binds each job to a timer function with the same schedule;
/// the DevHost runs the same jobs in a background service.
/// </summary>
public interface ITimerJob
{
    /// <summary>The timer function's name.</summary>
    string Name { get; }

    /// <summary>Six-field NCRONTAB (second minute hour day month day-of-week), as Azure Functions timers use.</summary>
    string Schedule { get; }

    /// <summary>
    /// The app setting that holds <see cref="Schedule"/> when it is configurable: the Functions timer then binds
    /// <c>%SETTING%</c> instead of a literal schedule.
    /// </summary>
    string? ScheduleSetting => null;

    Task RunAsync(CancellationToken cancellationToken);
}
