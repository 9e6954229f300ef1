using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Hotspot.Http.OpenApi;

/// <summary>
/// The document's <c>components.schemas</c>: one JSON Schema per wire type, made by System.Text.Json from the type and
/// <see cref="ApiJson.Options"/>, so a schema spells fields exactly as the serializer writes them. Our answers always
/// carry every field (nulls included), so an answer's schema requires them all; requests require none here, the
/// handler names each missing field in its 422.
/// </summary>
internal sealed class SchemaCatalog
{
    private readonly JsonObject _schemas = new();
    private readonly Dictionary<(Type, bool), string> _names = [];

    public JsonObject Schemas => _schemas;

    public JsonObject Reference(Type type, bool isAnswer)
    {
        if (!_names.TryGetValue((type, isAnswer), out var name))
        {
            name = UniqueName(type, isAnswer);
            _names[(type, isAnswer)] = name;
            _schemas[name] = Export(type, isAnswer);
        }

        return new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
    }

    private static JsonNode Export(Type type, bool isAnswer) =>
        JsonSchemaExporter.GetJsonSchemaAsNode(ApiJson.Options, type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = isAnswer ? (context, schema) => RequireEveryProperty(context, AnyAsObject(schema)) : (_, schema) => AnyAsObject(schema),
        });

    /// <summary>"Any JSON" as <c>{}</c>: the boolean schema <c>true</c> is valid 3.1 but not every OpenAPI tool reads it.</summary>
    private static JsonNode AnyAsObject(JsonNode schema) =>
        schema is JsonValue value && value.TryGetValue<bool>(out var any) && any ? new JsonObject() : schema;

    private static JsonNode RequireEveryProperty(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (context.PropertyInfo is null && schema is JsonObject { } obj && obj["properties"] is JsonObject properties)
        {
            obj["required"] = new JsonArray([.. properties.Select(p => (JsonNode)JsonValue.Create(p.Key))]);
        }

        return schema;
    }

    private string UniqueName(Type type, bool isAnswer)
    {
        var name = NameOf(type);
        if (_schemas.ContainsKey(name))
        {
            name += isAnswer ? "Answer" : "Input";
        }

        return name;
    }

    private static string NameOf(Type type) =>
        type.IsGenericType
            ? string.Concat(type.GetGenericArguments().Select(NameOf)) + type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)].Replace("Response", "", StringComparison.Ordinal)
            : type.Name;
}
