namespace Hotspot.RouterOs;

public sealed record RouterOsPoolOptions
{
    /// <summary>Connections a router gets at most; callers beyond it wait their turn.</summary>
    public int MaxConnectionsPerRouter { get; init; } = 2;

    /// <summary>An unused connection older than this is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
