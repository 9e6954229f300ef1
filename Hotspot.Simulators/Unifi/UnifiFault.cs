using System.Text.Json.Serialization;

namespace Hotspot.Simulators.Unifi;

/// <summary>
/// A misbehaviour the simulator applies to matching API requests, set through <c>POST /faults</c> on the control port.
/// </summary>
/// <param name="Mode">
/// <c>status</c>: answer <paramref name="Status"/> with the API's error body (and <c>Retry-After</c> when
/// <paramref name="RetryAfterSeconds"/> is set); <c>slow</c>: wait <paramref name="DelayMs"/> before answering normally;
/// <c>drop</c>: close the connection without an answer; <c>lateApply</c>: an authorization is reported granted but the
/// client reads as unauthorized until the simulator clock has moved <paramref name="LateSeconds"/> on.
/// </param>
/// <param name="Method">Only requests with this HTTP method (any when null).</param>
/// <param name="PathContains">Only requests whose path (after the integration prefix) contains this (any when null).</param>
/// <param name="Times">How many matching requests it affects; null until <c>DELETE /faults</c>.</param>
public sealed record UnifiFault(
    [property: JsonRequired] string Mode,
    int? Status = null,
    int? RetryAfterSeconds = null,
    int? DelayMs = null,
    int? LateSeconds = null,
    string? Method = null,
    string? PathContains = null,
    int? Times = null)
{
    public const string StatusMode = "status";
    public const string SlowMode = "slow";
    public const string DropMode = "drop";
    public const string LateApplyMode = "lateApply";

    /// <summary>Null when the fault makes sense, else why not.</summary>
    public string? Problem() => Mode switch
    {
        StatusMode when Status is not (>= 400 and <= 599) => "A status fault needs a status from 400 to 599.",
        SlowMode when DelayMs is not (> 0 and <= 600_000) => "A slow fault needs delayMs from 1 to 600000.",
        LateApplyMode when LateSeconds is not > 0 => "A lateApply fault needs lateSeconds above 0.",
        StatusMode or SlowMode or DropMode or LateApplyMode => Times is <= 0 ? "times, when given, is above 0." : null,
        _ => $"Unknown mode '{Mode}' (status, slow, drop, lateApply).",
    };

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathContains is null || path.Contains(PathContains, StringComparison.OrdinalIgnoreCase));
}
