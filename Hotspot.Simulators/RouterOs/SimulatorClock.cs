namespace Hotspot.Simulators.RouterOs;

/// <summary>The simulator's time: real time by default, moved forward on demand (tests, the control port).</summary>
public sealed class SimulatorClock(TimeProvider time)
{
    private long _offsetTicks;

    public SimulatorClock()
        : this(TimeProvider.System)
    {
    }

    public DateTimeOffset Now => time.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
