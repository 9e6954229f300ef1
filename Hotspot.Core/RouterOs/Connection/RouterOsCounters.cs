namespace Hotspot.RouterOs;

/// <summary>What a connection (or all of a router's pooled connections) cost on the wire; read by benchmarks and tests.</summary>
public sealed class RouterOsCounters
{
    private long _roundTrips;
    private long _commands;
    private long _bytesSent;
    private long _bytesReceived;
    private long _connectionsOpened;

    public RouterOsCounterSnapshot Snapshot() => new(
        Interlocked.Read(ref _roundTrips), Interlocked.Read(ref _commands), Interlocked.Read(ref _bytesSent),
        Interlocked.Read(ref _bytesReceived), Interlocked.Read(ref _connectionsOpened));

    /// <summary>One write of one or more commands that then waits for their replies.</summary>
    internal void RoundTrip(int commands, long bytes)
    {
        Interlocked.Increment(ref _roundTrips);
        Interlocked.Add(ref _commands, commands);
        Interlocked.Add(ref _bytesSent, bytes);
    }

    internal void Received(long bytes) => Interlocked.Add(ref _bytesReceived, bytes);

    internal void ConnectionOpened() => Interlocked.Increment(ref _connectionsOpened);
}

public readonly record struct RouterOsCounterSnapshot(long RoundTrips, long Commands, long BytesSent, long BytesReceived, long ConnectionsOpened)
{
    public static RouterOsCounterSnapshot operator -(RouterOsCounterSnapshot after, RouterOsCounterSnapshot before) => new(
        after.RoundTrips - before.RoundTrips, after.Commands - before.Commands, after.BytesSent - before.BytesSent,
        after.BytesReceived - before.BytesReceived, after.ConnectionsOpened - before.ConnectionsOpened);

    public RouterOsCounterSnapshot Subtract(RouterOsCounterSnapshot before) => this - before;
}
