namespace Hotspot.Simulators.RouterOs;

/// <summary>
/// Misbehaviour to inject, changeable while the simulator runs. One-shot faults (<see cref="DropMidReplyNext"/>,
/// <see cref="FatalNext"/>, <see cref="GarbageNext"/>) apply to the next command any connection sends, then clear.
/// </summary>
public sealed class SimulatorFaults
{
    private int _dropMidReply;
    private int _garbage;
    private string? _fatal;

    /// <summary>Delay before each reply, like network latency: replies to pipelined commands overlap.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Up to this much extra delay, random per reply.</summary>
    public int JitterMs { get; set; }

    /// <summary>Commands are read and recorded but never answered.</summary>
    public bool Silent { get; set; }

    /// <summary>The next reply is cut in the middle of a sentence and the connection closed.</summary>
    public bool DropMidReplyNext
    {
        get => Volatile.Read(ref _dropMidReply) != 0;
        set => Volatile.Write(ref _dropMidReply, value ? 1 : 0);
    }

    /// <summary>The next command is answered by <c>!fatal</c> with this reason, and the connection closed.</summary>
    public string? FatalNext
    {
        get => Volatile.Read(ref _fatal);
        set => Volatile.Write(ref _fatal, value);
    }

    /// <summary>The next reply is bytes that are not the protocol.</summary>
    public bool GarbageNext
    {
        get => Volatile.Read(ref _garbage) != 0;
        set => Volatile.Write(ref _garbage, value ? 1 : 0);
    }

    internal bool TakeDropMidReply() => Interlocked.Exchange(ref _dropMidReply, 0) != 0;

    internal string? TakeFatal() => Interlocked.Exchange(ref _fatal, null);

    internal bool TakeGarbage() => Interlocked.Exchange(ref _garbage, 0) != 0;

    internal TimeSpan NextDelay()
    {
        var jitter = JitterMs > 0 ? Random.Shared.Next(JitterMs + 1) : 0;
        return TimeSpan.FromMilliseconds(LatencyMs + jitter);
    }
}
