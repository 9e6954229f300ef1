using System.Text.Json.Serialization;

namespace Hotspot.Simulators.Unifi;

// The Integration API's JSON as the simulator writes it (camelCase by the web serializer defaults).

internal sealed record ListEnvelope<T>(int Offset, int Limit, int Count, int TotalCount, IReadOnlyList<T> Data);

internal sealed record InfoView(string ApplicationVersion);

internal sealed record SiteView(string Id, string InternalReference, string Name);

internal sealed record ClientView(
    string Type,
    string Id,
    string Name,
    DateTimeOffset ConnectedAt,
    string IpAddress,
    string MacAddress,
    string UplinkDeviceId,
    AccessView Access);

internal sealed record AccessView(
    string Type,
    bool Authorized,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AuthorizationView? Authorization);

internal sealed record AuthorizationView(
    DateTimeOffset AuthorizedAt,
    string AuthorizationMethod,
    DateTimeOffset ExpiresAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? DataUsageLimitMBytes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RxRateLimitKbps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TxRateLimitKbps,
    UsageView Usage);

internal sealed record UsageView(long DurationSec, long RxBytes, long TxBytes, long Bytes);

internal sealed record ActionView(
    string Action,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AuthorizationView? GrantedAuthorization,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AuthorizationView? RevokedAuthorization);

/// <summary>The Integration API's error body.</summary>
internal sealed record ErrorView(int StatusCode, string StatusName, string Code, string Message, DateTimeOffset Timestamp, string RequestPath, string RequestId);

/// <summary>The body of POST .../actions, every field optional so that missing ones can be reported as 400.</summary>
internal sealed record ActionRequest(string? Action, long? TimeLimitMinutes, long? DataUsageLimitMBytes, long? RxRateLimitKbps, long? TxRateLimitKbps);
