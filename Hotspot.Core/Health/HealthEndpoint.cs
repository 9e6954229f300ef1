using Hotspot.Storage;

namespace Hotspot.Health;

/// <summary><c>GET /api/health</c>: is the API up, and can it reach its storage.</summary>
public static class HealthEndpoint
{
    private static readonly TimeSpan StorageProbeTimeout = TimeSpan.FromSeconds(3);

    public static async Task<IResult> GetAsync(TableStore store, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var storageReachable = await store.IsReachableAsync(StorageProbeTimeout, cancellationToken);
        // "status" says the API process answers; "storage" says whether its dependency does.
        return Results.Json(
            new HealthReport("ok", storageReachable ? "ok" : "unreachable"),
            HealthJson.Default.HealthReport,
            statusCode: storageReachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record HealthReport(string Status, string Storage);

[System.Text.Json.Serialization.JsonSerializable(typeof(HealthReport))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
internal sealed partial class HealthJson : System.Text.Json.Serialization.JsonSerializerContext;
