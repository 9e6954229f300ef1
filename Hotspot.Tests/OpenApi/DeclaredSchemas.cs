using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotspot.Http;
using Hotspot.Http.OpenApi;
using Json.Schema;

namespace Hotspot.Tests.OpenApi;

/// <summary>
/// Checks a live answer against what the OpenAPI document declares for its route: the status is one the route
/// declares, the media type is the declared one, and the body validates against the declared JSON Schema
/// (evaluated by JsonSchema.Net, with the document's components as <c>$defs</c>).
/// </summary>
internal sealed class DeclaredSchemas
{
    private readonly JsonObject _document = OpenApiDocumentBuilder.Build(RouteTable.All);
    private readonly JsonObject _definitions;

    public DeclaredSchemas()
    {
        _definitions = (JsonObject)JsonNode.Parse(_document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!;
    }

    public async Task<string[]> ProblemsAsync(HotspotRoute route, HttpMethod verb, HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var declared = _document["paths"]![route.Path]![verb.Method.ToLowerInvariant()]!["responses"]![status];
        if (declared is null)
        {
            return [$"{route.Name} answered {status}, which its contract does not declare"];
        }

        if (declared["content"] is not JsonObject content)
        {
            return response.Content.Headers.ContentLength is null or 0 ? [] : [$"{route.Name} {status}: a body where none is declared"];
        }

        var (mediaType, media) = content.Single();
        if (response.Content.Headers.ContentType?.MediaType != mediaType)
        {
            return [$"{route.Name} {status}: media type {response.Content.Headers.ContentType?.MediaType}, declared {mediaType}"];
        }

        if (mediaType != "application/json" && mediaType != "application/problem+json")
        {
            return [];
        }

        var schema = (JsonObject)media!["schema"]!.DeepClone();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = _definitions.DeepClone(),
            ["allOf"] = new JsonArray(JsonNode.Parse(schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))),
        };
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var result = JsonSchema.FromText(root.ToJsonString()).Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{route.Name} {status} at '{d.InstanceLocation}': {e.Value}"))];
    }
}
