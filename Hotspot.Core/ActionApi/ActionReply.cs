using System.Text.Json;

namespace Hotspot.ActionApi;

/// <summary>Seed 002's answers: <c>{"message": ..., "error": ...}</c>, optionally with the action's data, names exactly as the seed spells them.</summary>
public static class ActionReply
{
    private static readonly JsonSerializerOptions Options = Http.ApiJson.Frozen(new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = null });

    public static IResult Message(string message, bool error, int statusCode) =>
        Results.Json(new Dictionary<string, object> { ["message"] = message, ["error"] = error }, Options, statusCode: statusCode);

    public static IResult Failure(string message, int statusCode, string? detail = null) =>
        Results.Json(detail is null
            ? new Dictionary<string, object> { ["message"] = message, ["error"] = true }
            : new Dictionary<string, object> { ["message"] = message, ["error"] = true, ["detail"] = detail }, Options, statusCode: statusCode);

    /// <summary>A list under its seed name (<c>users</c>, <c>data</c>...).</summary>
    public static IResult List<T>(string name, IReadOnlyList<T> items) =>
        Results.Json(new Dictionary<string, object> { [name] = items }, Options);

    public static IResult Json(object value, int statusCode = StatusCodes.Status200OK) => Results.Json(value, Options, statusCode: statusCode);
}
