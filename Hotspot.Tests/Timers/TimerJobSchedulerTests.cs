using System.Threading.Channels;
using Hotspot.DevHost.Timers;
using Hotspot.Timers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hotspot.Tests.Timers;

public sealed class TimerJobSchedulerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_job_runs_at_each_occurrence_of_its_schedule_and_a_failed_run_does_not_stop_the_next()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero));
        var job = new RecordingJob("Every10Seconds", "*/10 * * * * *", clock, failFirstRun: true);
        var armed = Channel.CreateUnbounded<DateTime>();
        using var scheduler = new TimerJobScheduler([job], clock, Options.Create(new TimerJobSchedulerOptions()), NullLogger<TimerJobScheduler>.Instance)
        {
            Armed = (_, next) => armed.Writer.TryWrite(next),
        };
        await scheduler.StartAsync(CancellationToken.None);

        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 10, DateTimeKind.Utc), await armed.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        clock.Advance(TimeSpan.FromSeconds(8));
        Assert.Empty(job.Runs);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 20, DateTimeKind.Utc), await armed.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 30, DateTimeKind.Utc), await armed.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(
            [new DateTimeOffset(2026, 1, 1, 0, 0, 10, TimeSpan.Zero), new DateTimeOffset(2026, 1, 1, 0, 0, 20, TimeSpan.Zero)],
            job.Runs);
    }

    [Fact]
    public async Task Disabled_scheduler_arms_nothing()
    {
        var clock = new FakeTimeProvider();
        var job = new RecordingJob("Never", "* * * * * *", clock, failFirstRun: false);
        var armedCount = 0;
        using var scheduler = new TimerJobScheduler([job], clock, Options.Create(new TimerJobSchedulerOptions { Enabled = false }), NullLogger<TimerJobScheduler>.Instance)
        {
            Armed = (_, _) => Interlocked.Increment(ref armedCount),
        };

        await scheduler.StartAsync(CancellationToken.None);
        await (scheduler.ExecuteTask ?? Task.CompletedTask).WaitAsync(Patience);
        clock.Advance(TimeSpan.FromMinutes(5));
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(0, armedCount);
        Assert.Empty(job.Runs);
    }

    private sealed class RecordingJob(string name, string schedule, FakeTimeProvider clock, bool failFirstRun) : ITimerJob
    {
        private readonly List<DateTimeOffset> _runs = [];

        public string Name => name;

        public string Schedule => schedule;

        public IReadOnlyList<DateTimeOffset> Runs
        {
            get
            {
                lock (_runs)
                {
                    return [.. _runs];
                }
            }
        }

        public Task RunAsync(CancellationToken cancellationToken)
        {
            int count;
            lock (_runs)
            {
                _runs.Add(clock.GetUtcNow());
                count = _runs.Count;
            }

            return failFirstRun && count == 1
                ? Task.FromException(new InvalidOperationException("first run fails"))
                : Task.CompletedTask;
        }
    }
}
