using Hotspot.RouterOs.Wire;
namespace Hotspot.RouterOs;

/// <summary>The attributes of one <c>!re</c> (or of a <c>!done</c>); unset properties are absent, empty values are kept.</summary>
public sealed class RouterOsRow
{
    private readonly Dictionary<string, string> _attributes;

    public RouterOsRow(IReadOnlyDictionary<string, string> attributes)
    {
        _attributes = new Dictionary<string, string>(attributes, StringComparer.Ordinal);
    }

    private RouterOsRow(Dictionary<string, string> attributes) => _attributes = attributes;

    public IReadOnlyDictionary<string, string> Attributes => _attributes;

    public string? Id => Get(".id");

    public string? this[string name] => Get(name);

    public string? Get(string name) => _attributes.GetValueOrDefault(name);

    public TimeSpan? GetDuration(string name) => Get(name) is { Length: > 0 } value ? RouterOsDuration.Parse(value) : null;

    public bool? GetBool(string name) => Get(name) is { Length: > 0 } value ? RouterOsBool.Parse(value) : null;

    public long? GetLong(string name) =>
        long.TryParse(Get(name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The attribute words of a sentence (its first word, the type, and the tag word are skipped).</summary>
    public static RouterOsRow FromWords(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < words.Count; i++)
        {
            if (Words.TryParseAttribute(words[i], out var name, out var value))
            {
                attributes[name] = value;
            }
        }

        return new RouterOsRow(attributes);
    }
}
