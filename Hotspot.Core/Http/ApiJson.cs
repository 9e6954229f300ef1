using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hotspot.Http;

/// <summary>How our JSON is spelled: snake_case names (the seeds' Spanish fields), ISO 8601 times, nulls kept.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Frozen(new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    });

    /// <summary>
    /// Options made read-only before first use: ASP.NET Core fills in a missing type resolver on first use, and two
    /// requests doing that at once made one of them throw ("instance is read-only"), a 500.
    /// </summary>
    public static JsonSerializerOptions Frozen(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }

    public static IResult Ok<T>(T value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(value, Options, statusCode: statusCode);
}
