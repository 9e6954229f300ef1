namespace Hotspot.Simulators.RouterOs.Radius;

/// <summary>RouterOS's <c>/radius monitor</c> counters: what an operator reads to see whether the server answers.</summary>
public sealed class RadiusMonitor
{
    private long _requests;
    private long _accepts;
    private long _rejects;
    private long _resends;
    private long _timeouts;
    private long _badReplies;

    public long Requests => Interlocked.Read(ref _requests);

    public long Accepts => Interlocked.Read(ref _accepts);

    public long Rejects => Interlocked.Read(ref _rejects);

    public long Resends => Interlocked.Read(ref _resends);

    public long Timeouts => Interlocked.Read(ref _timeouts);

    public long BadReplies => Interlocked.Read(ref _badReplies);

    internal void Requested() => Interlocked.Increment(ref _requests);

    internal void Accepted() => Interlocked.Increment(ref _accepts);

    internal void Rejected() => Interlocked.Increment(ref _rejects);

    internal void Resent() => Interlocked.Increment(ref _resends);

    internal void TimedOut() => Interlocked.Increment(ref _timeouts);

    internal void BadReply() => Interlocked.Increment(ref _badReplies);
}
