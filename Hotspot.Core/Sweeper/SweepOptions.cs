using Hotspot.Hosting;
using Microsoft.Extensions.Configuration;

namespace Hotspot.Sweeper;

/// <summary>The sweeper's settings (see <see cref="ConfigurationKeys"/>).</summary>
public sealed class SweepOptions
{
    public const string DefaultSchedule = "0 */5 * * * *";

    public string Schedule { get; set; } = DefaultSchedule;

    /// <summary>A clone unused for this long has its time folded into its base and is removed.</summary>
    public int CloneIdleMinutes { get; set; } = 1440;

    /// <summary>How long one router may take before its sweep is abandoned (the next run continues).</summary>
    public TimeSpan RouterBudget { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Routers swept at once.</summary>
    public int Parallelism { get; set; } = 8;

    public static void Bind(SweepOptions options, IConfiguration configuration)
    {
        options.Schedule = configuration[ConfigurationKeys.SweepSchedule] is { Length: > 0 } schedule ? schedule : options.Schedule;
        options.CloneIdleMinutes = configuration.GetValue(ConfigurationKeys.CloneIdleMinutes, options.CloneIdleMinutes);
    }
}
