using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotspot.Unifi;

// The Integration API's JSON, read loosely: every field optional, unknown fields ignored.

internal sealed record UnifiPage<T>(int? Offset, int? Limit, int? Count, int? TotalCount, IReadOnlyList<T>? Data);

internal sealed record UnifiInfo(string? ApplicationVersion);

internal sealed record UnifiSite(string? Id, string? InternalReference, string? Name);

internal sealed record UnifiClient(
    string? Id,
    string? Name,
    string? Type,
    string? MacAddress,
    string? IpAddress,
    UnifiAccess? Access);

internal sealed record UnifiAccess(string? Type, bool? Authorized, UnifiAuthorization? Authorization)
{
    public bool IsGuest => string.Equals(Type, "GUEST", StringComparison.OrdinalIgnoreCase);
}

internal sealed record UnifiAuthorization(
    DateTimeOffset? AuthorizedAt,
    string? AuthorizationMethod,
    DateTimeOffset? ExpiresAt,
    long? DataUsageLimitMBytes,
    int? RxRateLimitKbps,
    int? TxRateLimitKbps,
    UnifiUsage? Usage);

internal sealed record UnifiUsage(long? DurationSec, long? RxBytes, long? TxBytes, long? Bytes);

internal sealed record UnifiAuthorizeAction(
    string Action,
    int TimeLimitMinutes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? DataUsageLimitMBytes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RxRateLimitKbps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TxRateLimitKbps)
{
    public const string Authorize = "AUTHORIZE_GUEST_ACCESS";
}

internal sealed record UnifiSimpleAction(string Action)
{
    public const string Unauthorize = "UNAUTHORIZE_GUEST_ACCESS";
}

internal sealed record UnifiActionAnswer(string? Action, UnifiAuthorization? GrantedAuthorization, UnifiAuthorization? RevokedAuthorization);

internal sealed record UnifiErrorBody(int? StatusCode, string? StatusName, string? Code, string? Message, string? RequestId);

internal static class UnifiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
