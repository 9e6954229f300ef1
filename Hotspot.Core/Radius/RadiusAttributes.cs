using System.Globalization;
using System.Text.Json;

namespace Hotspot.Radius;

/// <summary>
/// The request attributes rlm_rest sends with <c>body = json</c>: an object keyed by attribute name, each
/// <c>{"type": ..., "value": [v0, ...]}</c>; integers are JSON numbers, enumerations their names.
/// </summary>
public sealed class RadiusAttributes
{
    private readonly Dictionary<string, JsonElement> _values;

    private RadiusAttributes(Dictionary<string, JsonElement> values) => _values = values;

    /// <summary>The attributes, or null when the body is not rlm_rest's shape.</summary>
    public static RadiusAttributes? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (var attribute in document.RootElement.EnumerateObject())
            {
                if (attribute.Value.ValueKind == JsonValueKind.Object && attribute.Value.TryGetProperty("value", out var value)
                    && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
                {
                    values[attribute.Name] = value[0].Clone();
                }
            }

            return new RadiusAttributes(values);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string? Text(string name) =>
        _values.TryGetValue(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    /// <summary>An integer attribute (absent or unreadable: 0). RADIUS integers are unsigned 32-bit.</summary>
    public long Number(string name) =>
        _values.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetUInt32(out var number) ? number
        : Text(name) is { } text && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : 0;

    /// <summary>A byte counter: Gigawords × 2³² + Octets.</summary>
    public long Octets(string octets, string gigawords) => (Number(gigawords) << 32) + Number(octets);
}
