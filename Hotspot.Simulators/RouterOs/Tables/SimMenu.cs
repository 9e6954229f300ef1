namespace Hotspot.Simulators.RouterOs;

/// <summary>A menu (table) and what the API may do with it. Ids are never reused: the counter only grows.</summary>
internal sealed class SimMenu
{
    private long _lastNumber;

    public required string Path { get; init; }

    /// <summary>The property that works in place of an id in set/remove, when the menu has one.</summary>
    public string? NameProperty { get; init; }

    public IReadOnlyDictionary<string, string> Defaults { get; init; } = new Dictionary<string, string>();

    public IReadOnlySet<string> Writable { get; init; } = new HashSet<string>();

    /// <summary>Writable properties that hold a boolean: stored and printed as <c>true</c>/<c>false</c>.</summary>
    public IReadOnlySet<string> Booleans { get; init; } = new HashSet<string>();

    public bool CanAdd { get; init; }

    public bool CanSet { get; init; }

    public bool CanRemove { get; init; }

    /// <summary>A single item without an id, like <c>/system/identity</c>.</summary>
    public bool Single { get; init; }

    public List<SimRow> Rows { get; } = [];

    public SimRow NewRow(DateTimeOffset now)
    {
        var row = new SimRow(++_lastNumber, now);
        foreach (var (name, value) in Defaults)
        {
            row[name] = value;
        }

        Rows.Add(row);
        return row;
    }

    public SimRow? FindByName(string name) => NameProperty is null ? null : Rows.Find(r => r[NameProperty] == name);
}
