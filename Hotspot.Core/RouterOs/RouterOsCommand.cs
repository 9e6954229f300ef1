using Hotspot.RouterOs.Wire;
namespace Hotspot.RouterOs;

/// <summary>
/// A command: its path and its words. Values travel as separate attribute words, never spliced into a script,
/// so any string (with '=', newlines, any Unicode) reaches the router unchanged.
/// </summary>
public sealed class RouterOsCommand
{
    private readonly List<string> _words = [];

    public RouterOsCommand(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path[0] != '/')
        {
            throw new ArgumentException("A command path starts with '/'.", nameof(path));
        }

        Path = path;
        var verb = path[(path.LastIndexOf('/') + 1)..];
        IsReadOnly = verb is "print" or "getall";
    }

    public string Path { get; }

    /// <summary>Whether repeating the command is harmless: a pool may retry it on a fresh connection.</summary>
    public bool IsReadOnly { get; private set; }

    public IReadOnlyList<string> Arguments => _words;

    public RouterOsCommand With(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _words.Add(Words.Attribute(name, value));
        return this;
    }

    /// <summary>Adds the attribute only when there is a value.</summary>
    public RouterOsCommand WithOptional(string name, string? value) => value is null ? this : With(name, value);

    public RouterOsCommand Where(RouterOsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _words.AddRange(query.Words);
        return this;
    }

    public RouterOsCommand Proplist(params string[] properties) => With(".proplist", string.Join(',', properties));

    public RouterOsCommand CountOnly() => With("count-only", string.Empty);

    /// <summary>Marks a command as safe to repeat although its verb is not a print.</summary>
    public RouterOsCommand Idempotent()
    {
        IsReadOnly = true;
        return this;
    }

    internal List<string> ToWords(string? tag)
    {
        var words = new List<string>(_words.Count + 2) { Path };
        words.AddRange(_words);
        if (tag is not null)
        {
            words.Add(Words.TagPrefix + tag);
        }

        return words;
    }

    public override string ToString() => Path;

    /// <summary>A print of <paramref name="menu"/>, filtered by <paramref name="query"/> when given.</summary>
    public static RouterOsCommand Print(string menu, RouterOsQuery? query = null)
    {
        var command = new RouterOsCommand(menu + "/print");
        return query is null ? command : command.Where(query);
    }

    /// <summary>Items by id, or by name where the menu allows it, several at once.</summary>
    public static RouterOsCommand Remove(string menu, IEnumerable<string> ids) =>
        new RouterOsCommand(menu + "/remove").With(".id", string.Join(',', ids));

    public static RouterOsCommand Set(string menu, string id, IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var command = new RouterOsCommand(menu + "/set").With(".id", id);
        foreach (var (name, value) in values)
        {
            command.With(name, value);
        }

        return command;
    }
}
