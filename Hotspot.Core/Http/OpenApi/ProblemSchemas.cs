using System.Text.Json.Nodes;

namespace Hotspot.Http.OpenApi;

/// <summary>RFC 9457 problem details as our errors carry them; a 422 adds <c>errors</c>, field name to messages.</summary>
internal static class ProblemSchemas
{
    public static JsonObject Problem => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("title", "status"),
        ["properties"] = Fields(),
    };

    public static JsonObject ValidationProblem
    {
        get
        {
            var fields = Fields();
            fields["errors"] = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            };
            return new JsonObject { ["type"] = "object", ["required"] = new JsonArray("title", "status", "errors"), ["properties"] = fields };
        }
    }

    private static JsonObject Fields() => new()
    {
        ["type"] = new JsonObject { ["type"] = "string" },
        ["title"] = new JsonObject { ["type"] = "string" },
        ["status"] = new JsonObject { ["type"] = "integer" },
        ["detail"] = new JsonObject { ["type"] = "string", ["description"] = "What happened, in words a person can act on." },
        ["instance"] = new JsonObject { ["type"] = "string" },
        ["traceId"] = new JsonObject { ["type"] = "string" },
    };
}
