using System.Text.Json.Nodes;

namespace Hotspot.Radius;

/// <summary>
/// What our authorize route tells FreeRADIUS, in rlm_rest's reply shape. An accept names the cleartext password for
/// FreeRADIUS's PAP/CHAP check (the password never reaches a log: FreeRADIUS runs without debug and we log no bodies);
/// a refusal sets <c>control:Auth-Type := Reject</c> with a Reply-Message the portal can show. Every string is sent
/// with <c>do_xlat: false</c>, so nothing of ours is expanded by FreeRADIUS.
/// </summary>
public sealed record RadiusDecision(JsonObject Reply)
{
    public static RadiusDecision Reject(string message) => new(new JsonObject
    {
        ["control:Auth-Type"] = "Reject",
        ["reply:Reply-Message"] = Literal(message),
    });

    public static RadiusDecision Accept(string password, TimeSpan sessionTimeout, string? rateLimit, string? group, long? bytesLeft)
    {
        var reply = new JsonObject
        {
            ["control:Cleartext-Password"] = Literal(password),
            ["reply:Session-Timeout"] = (long)sessionTimeout.TotalSeconds,
            ["reply:Idle-Timeout"] = (long)RadiusPolicy.IdleTimeout.TotalSeconds,
            ["reply:Acct-Interim-Interval"] = (long)RadiusPolicy.InterimInterval.TotalSeconds,
        };
        if (rateLimit is not null)
        {
            reply["reply:Mikrotik-Rate-Limit"] = Literal(rateLimit);
        }

        if (group is not null)
        {
            reply["reply:Mikrotik-Group"] = Literal(group);
        }

        if (bytesLeft is { } bytes)
        {
            reply["reply:Mikrotik-Total-Limit"] = bytes & uint.MaxValue;
            reply["reply:Mikrotik-Total-Limit-Gigawords"] = bytes >> 32;
        }

        return new RadiusDecision(reply);
    }

    /// <summary>Per-direction byte limits: receive = from the guest (upload), transmit = to the guest (download), as RouterOS counts them.</summary>
    public RadiusDecision WithDirectionLimits(long? upload, long? download)
    {
        foreach (var (name, bytes) in new[] { ("Recv", upload), ("Xmit", download) })
        {
            if (bytes is { } value)
            {
                Reply[$"reply:Mikrotik-{name}-Limit"] = value & uint.MaxValue;
                Reply[$"reply:Mikrotik-{name}-Limit-Gigawords"] = value >> 32;
            }
        }

        return this;
    }

    private static JsonObject Literal(string value) => new() { ["value"] = value, ["do_xlat"] = false };
}
