using System.Text.Json;

namespace Hotspot.PortalLogin;

/// <summary>Seed 001's request: <c>{"data": "&lt;JSON string&gt;"}</c>; any JSON value is taken here and checked by <see cref="PortalLoginInput"/>.</summary>
public sealed record PortalLoginBody(JsonElement? Data);

/// <summary>Seed 001's 201, field for field and in its order.</summary>
public sealed record PortalLoginResponse(
    long PageId, string? OriginalUrl, string ApMac, string Mac, string Ip, string Uid, string? ControllerAddress, int SessionTimeout, int? IdleTimeout)
{
    public static PortalLoginResponse From(PortalSessionEntity s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.PageId, s.OriginalUrl, s.ApMac, s.Mac, s.Ip, s.Uid, s.ControllerAddress, s.SessionTimeout, s.IdleTimeout);
    }
}

/// <summary><c>GET /portal_login/{page_id}</c>: the 201's fields and the session's state.</summary>
public sealed record PortalSessionView(
    long PageId, string? OriginalUrl, string ApMac, string Mac, string Ip, string Uid, string? ControllerAddress, int SessionTimeout, int? IdleTimeout,
    DateTimeOffset StartedAt, DateTimeOffset EndsAt, bool Active, DateTimeOffset? EndedAt, string? EndReason)
{
    public static PortalSessionView From(PortalSessionEntity s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.PageId, s.OriginalUrl, s.ApMac, s.Mac, s.Ip, s.Uid, s.ControllerAddress, s.SessionTimeout, s.IdleTimeout,
            s.StartedAt, s.EndsAt, s.Open, s.EndedAt, s.EndReason);
    }
}
