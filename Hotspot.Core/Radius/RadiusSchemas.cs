using System.Text.Json.Nodes;

namespace Hotspot.Radius;

/// <summary>The OpenAPI schema of rlm_rest's JSON bodies: attribute names to values or <c>{"type", "value": [...]}</c> objects.</summary>
public static class RadiusSchemas
{
    public static JsonObject Attributes => new()
    {
        ["type"] = "object",
        ["description"] = "RADIUS attributes by name (rlm_rest's JSON encoding); keys may be qualified `control:` or `reply:`.",
        ["additionalProperties"] = true,
    };
}
