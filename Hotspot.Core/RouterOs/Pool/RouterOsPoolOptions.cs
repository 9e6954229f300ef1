namespace Hotspot.RouterOs;

/// <summary>How many connections a router gets and how long an unused one is kept.</summary>
public sealed class RouterOsPoolOptions
{
    /// <summary>Connections per router at most (each carries many tagged commands at once).</summary>
    public int MaxConnectionsPerRouter { get; set; } = 2;

    /// <summary>A connection unused for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Commands in flight on a connection before the pool opens another (up to the cap).</summary>
    public int BusyThreshold { get; set; } = 16;
}
