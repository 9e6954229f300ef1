namespace Hotspot.Simulators.RouterOs.Radius;

/// <summary>What an Access-Accept granted, as the hotspot honours it (MikroTik manual, RADIUS: "the received attributes override the default ones").</summary>
public sealed record RadiusGrant(
    TimeSpan? SessionTimeout,
    TimeSpan? IdleTimeout,
    TimeSpan? InterimInterval,
    string? RateLimit,
    string? Group,
    long? RecvLimit,
    long? XmitLimit,
    long? TotalLimit,
    byte[]? Class);

/// <summary>How the guest proved who it is: PAP's password, or CHAP's id, response and challenge.</summary>
public sealed record RadiusCredential(string UserName, string? Password, byte ChapId = 0, byte[]? ChapResponse = null, byte[]? ChapChallenge = null);

/// <summary>A RADIUS session on the router: its accounting id and grant; or, on a MAC cookie, the credentials it replays.</summary>
public sealed record RadiusSessionState(string AcctSessionId, RadiusGrant Grant, RadiusCredential? Credential);

/// <summary>RFC 2866 §5.10 Acct-Terminate-Cause values the simulator sends (which one RouterOS sends per cause is unverified).</summary>
public enum TerminateCause : uint
{
    UserRequest = 1,
    LostCarrier = 2,
    IdleTimeout = 4,
    SessionTimeout = 5,
    AdminReset = 6,
    NasRequest = 10,
}

/// <summary>A RADIUS session's use as an accounting request reports it.</summary>
public sealed record RadiusUse(
    string AcctSessionId,
    string UserName,
    string MacAddress,
    string Address,
    TimeSpan SessionTime,
    long BytesIn,
    long BytesOut,
    long PacketsIn,
    long PacketsOut,
    byte[]? Class,
    TerminateCause? Cause = null);
