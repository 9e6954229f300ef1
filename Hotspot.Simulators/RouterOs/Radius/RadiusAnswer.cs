namespace Hotspot.Simulators.RouterOs.Radius;

/// <summary>How a RADIUS login ended: a session, the server's refusal (with its Reply-Message), no answer, or a refusal of the hotspot's own.</summary>
internal sealed record RadiusLoginOutcome(LoginRefusal Refusal, bool Accepted, bool Answered, string? ReplyMessage)
{
    public static readonly RadiusLoginOutcome NoAnswer = new(LoginRefusal.None, false, false, null);

    public static RadiusLoginOutcome Rejected(string? message) => new(LoginRefusal.None, false, true, message);

    public static RadiusLoginOutcome Session(LoginRefusal refusal) => new(refusal, refusal == LoginRefusal.None, true, null);
}
