using Hotspot.Timers;
using Microsoft.Extensions.Options;
using NCrontab;

namespace Hotspot.DevHost.Timers;

/// <summary>
/// Runs every <see cref="ITimerJob"/> on its NCRONTAB schedule (UTC, like Azure Functions timers), one run of a
/// job at a time; a failed run is logged and the next occurrence still happens.
/// </summary>
public sealed class TimerJobScheduler(
    IEnumerable<ITimerJob> jobs,
    TimeProvider time,
    IOptions<TimerJobSchedulerOptions> options,
    ILogger<TimerJobScheduler> logger) : BackgroundService
{
    public static CrontabSchedule ParseSchedule(string schedule) =>
        CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    /// <summary>Told each time a job's next run is armed (job name, UTC time of the run): lets tests move a fake clock without racing.</summary>
    internal Action<string, DateTime>? Armed { get; set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled
            ? Task.WhenAll(jobs.Select(job => RunOnScheduleAsync(job, stoppingToken)))
            : Task.CompletedTask;

    private async Task RunOnScheduleAsync(ITimerJob job, CancellationToken stoppingToken)
    {
        var schedule = ParseSchedule(job.Schedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var next = schedule.GetNextOccurrence(now);
            try
            {
                var due = Task.Delay(next - now, time, stoppingToken);
                Armed?.Invoke(job.Name, next);
                await due;
                logger.LogInformation("Timer job {Job} starting", job.Name);
                await job.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Timer job {Job} failed; it runs again at its next occurrence", job.Name);
            }
        }
    }
}
