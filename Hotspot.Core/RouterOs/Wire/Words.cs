namespace Hotspot.RouterOs.Wire;

/// <summary>Builds and splits the words of a sentence.</summary>
public static class Words
{
    public const string TagPrefix = ".tag=";

    /// <summary>An attribute word <c>=name=value</c>; the value is carried as is, whatever it contains.</summary>
    public static string Attribute(string name, string value) => "=" + name + "=" + value;

    /// <summary>Splits <c>=name=value</c> at the second '='; a word without one is a name with an empty value.</summary>
    public static bool TryParseAttribute(string word, out string name, out string value)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 2 || word[0] != '=')
        {
            name = value = string.Empty;
            return false;
        }

        var separator = word.IndexOf('=', 1);
        name = separator < 0 ? word[1..] : word[1..separator];
        value = separator < 0 ? string.Empty : word[(separator + 1)..];
        return true;
    }

    /// <summary>The tag of a sentence, wherever the tag word sits, or null.</summary>
    public static string? FindTag(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i].StartsWith(TagPrefix, StringComparison.Ordinal))
            {
                return words[i][TagPrefix.Length..];
            }
        }

        return null;
    }
}
