namespace Hotspot.Simulators.RouterOs;

/// <summary>The reply sentences of one command, before the session tags them.</summary>
internal sealed class Replies
{
    public List<List<string>> Sentences { get; } = [];

    public static Replies Done(string? ret = null) => new Replies().AddDone(ret);

    public static Replies Trap(string message, int? category = null) => new Replies().AddTrap(message, category).AddDone();

    public Replies AddRow(IEnumerable<KeyValuePair<string, string>> values)
    {
        var words = new List<string> { "!re" };
        words.AddRange(values.Select(v => Hotspot.RouterOs.Wire.Words.Attribute(v.Key, v.Value)));
        Sentences.Add(words);
        return this;
    }

    public Replies AddTrap(string message, int? category = null)
    {
        var words = new List<string> { "!trap" };
        if (category is { } c)
        {
            words.Add(Hotspot.RouterOs.Wire.Words.Attribute("category", c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        words.Add(Hotspot.RouterOs.Wire.Words.Attribute("message", message));
        Sentences.Add(words);
        return this;
    }

    public Replies AddEmpty()
    {
        Sentences.Add(["!empty"]);
        return this;
    }

    public Replies AddDone(string? ret = null)
    {
        Sentences.Add(ret is null ? ["!done"] : ["!done", Hotspot.RouterOs.Wire.Words.Attribute("ret", ret)]);
        return this;
    }
}
