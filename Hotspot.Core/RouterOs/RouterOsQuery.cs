using Hotspot.RouterOs.Wire;
namespace Hotspot.RouterOs;

/// <summary>
/// The query words of a print: each test pushes a boolean; <see cref="Operations"/> combines the stack
/// (<c>!</c> not, <c>&amp;</c> and, <c>|</c> or, <c>.</c> duplicate, digits copy). Whatever is left is and-ed.
/// </summary>
public sealed class RouterOsQuery
{
    private readonly List<string> _words = [];

    public IReadOnlyList<string> Words => _words;

    public static RouterOsQuery Create() => new();

    public RouterOsQuery Equal(string name, string value) => Add("?=" + name + "=" + value);

    public RouterOsQuery Has(string name) => Add("?" + name);

    public RouterOsQuery HasNot(string name) => Add("?-" + name);

    public RouterOsQuery LessThan(string name, string value) => Add("?<" + name + "=" + value);

    public RouterOsQuery GreaterThan(string name, string value) => Add("?>" + name + "=" + value);

    public RouterOsQuery Operations(string operations) => Add("?#" + operations);

    private RouterOsQuery Add(string word)
    {
        _words.Add(word);
        return this;
    }
}
