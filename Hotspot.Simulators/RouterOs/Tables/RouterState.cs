using System.Globalization;
using Hotspot.RouterOs;
using Hotspot.RouterOs.Wire;

namespace Hotspot.Simulators.RouterOs;

/// <summary>
/// The router's tables and the generic verbs (print, add, set, remove, enable, disable) with RouterOS semantics.
/// One lock: commands apply one at a time, in the order they arrive, as on a router.
/// </summary>
public sealed partial class RouterState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimMenu> _menus = MenuCatalog.Create();
    private readonly DateTimeOffset _bootedAt;
    private readonly Dictionary<string, DateTimeOffset> _quietSince = new(StringComparer.Ordinal);

    public RouterState(RouterOsVersion version, SimulatorClock clock, string identity = "MikroTik")
    {
        ArgumentNullException.ThrowIfNull(clock);
        Version = version;
        Clock = clock;
        _bootedAt = clock.Now;
        Menu(MenuCatalog.Profiles).NewRow(_bootedAt)["name"] = "default";
        Menu(MenuCatalog.Identity).NewRow(_bootedAt)["name"] = identity;
        var resource = Menu(MenuCatalog.Resource).NewRow(_bootedAt);
        resource["version"] = version.Text;
        resource["board-name"] = "CHR";
        resource["architecture-name"] = "x86_64";
        resource["cpu-load"] = "1";
        resource["free-memory"] = "201326592";
        resource["total-memory"] = "268435456";
    }

    public RouterOsVersion Version { get; }

    public SimulatorClock Clock { get; }

    /// <summary>The router's <c>/system/identity</c> name.</summary>
    public string Identity
    {
        get
        {
            lock (_gate)
            {
                return Menu(MenuCatalog.Identity).Rows[0]["name"] ?? string.Empty;
            }
        }
    }

    private string NoSuchItem => Version.Major >= 7 ? "no such item (4)" : "no such item";

    /// <summary>Every table as the API would print it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> Snapshot()
    {
        lock (_gate)
        {
            var now = Clock.Now;
            Refresh(now);
            return _menus.Values.ToDictionary(
                m => m.Path,
                m => (IReadOnlyList<IReadOnlyDictionary<string, string>>)[.. m.Rows.Select(r => (IReadOnlyDictionary<string, string>)Output(m, r, now))],
                StringComparer.Ordinal);
        }
    }

    internal Replies Execute(IReadOnlyList<string> words)
    {
        var path = words[0];
        var separator = path.LastIndexOf('/');
        var (menuPath, verb) = (path[..separator], path[(separator + 1)..]);
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        var queries = new List<string>();
        foreach (var word in words.Skip(1))
        {
            if (word.StartsWith('?'))
            {
                queries.Add(word);
            }
            else if (Words.TryParseAttribute(word, out var name, out var value))
            {
                args[name] = value;
            }
        }

        lock (_gate)
        {
            var now = Clock.Now;
            Refresh(now);
            if (!_menus.TryGetValue(menuPath, out var menu))
            {
                return new Replies().AddTrap("no such command or directory (" + FirstUnknownWord(path) + ")", 0).AddTrap("no such command prefix", 0).AddDone();
            }

            return verb switch
            {
                "print" or "getall" => Print(menu, args, queries, now),
                "add" when menu.CanAdd => Add(menu, args, now),
                "set" when menu.CanSet => Set(menu, args),
                "remove" when menu.CanRemove => Remove(menu, args, now),
                "enable" or "disable" when menu.Writable.Contains("disabled") =>
                    Set(menu, new Dictionary<string, string>(ItemSelector(args)) { ["disabled"] = verb == "disable" ? "true" : "false" }),
                "reset-counters" when menu.Path == MenuCatalog.Users => ResetCounters(menu, args),
                "login" when menu.Path == MenuCatalog.Active => Login(args, now),
                _ => Replies.Trap("no such command", 0),
            };
        }
    }

    private Replies Print(SimMenu menu, Dictionary<string, string> args, List<string> queries, DateTimeOffset now)
    {
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in menu.Rows)
        {
            var output = Output(menu, row, now);
            if (QueryFilter.Matches(queries, output, out var error))
            {
                rows.Add(output);
            }
            else if (error is not null)
            {
                return Replies.Trap(error, 1);
            }
        }

        if (args.ContainsKey("count-only"))
        {
            return Replies.Done(rows.Count.ToString(CultureInfo.InvariantCulture));
        }

        var proplist = args.TryGetValue(".proplist", out var list) ? list.Split(',', StringSplitOptions.RemoveEmptyEntries) : null;
        var replies = new Replies();
        foreach (var row in rows)
        {
            replies.AddRow(proplist is null ? row : proplist.Where(row.ContainsKey).Select(p => KeyValuePair.Create(p, row[p])));
        }

        if (rows.Count == 0 && Version.IsAtLeast(7, 18))
        {
            replies.AddEmpty();
        }

        return replies.AddDone();
    }

    private Replies Add(SimMenu menu, Dictionary<string, string> args, DateTimeOffset now)
    {
        if (UnknownParameter(menu, args) is { } unknown)
        {
            return unknown;
        }

        if ((WrittenValues.Normalise(menu, args) ?? ValidateWrite(menu, args, existing: null)) is { } refused)
        {
            return Replies.Trap(refused);
        }

        var row = menu.NewRow(now);
        foreach (var (name, value) in args)
        {
            row[name] = value;
        }

        return Replies.Done(row.Id);
    }

    private Replies Set(SimMenu menu, Dictionary<string, string> args)
    {
        var changes = args.Where(a => a.Key is not (".id" or "numbers")).ToDictionary(StringComparer.Ordinal);
        if (UnknownParameter(menu, changes) is { } unknown)
        {
            return unknown;
        }

        if (WrittenValues.Normalise(menu, changes) is { } invalid)
        {
            return Replies.Trap(invalid);
        }

        var (rows, missing) = menu.Single ? (menu.Rows, null) : Resolve(menu, args);
        if (missing is not null)
        {
            return Replies.Trap(missing);
        }

        foreach (var row in rows)
        {
            if (ValidateWrite(menu, changes, row) is { } refused)
            {
                return Replies.Trap(refused);
            }
        }

        foreach (var row in rows)
        {
            foreach (var (name, value) in changes)
            {
                row[name] = value;
            }
        }

        return Replies.Done();
    }

    private Replies Remove(SimMenu menu, Dictionary<string, string> args, DateTimeOffset now)
    {
        var (rows, missing) = Resolve(menu, args);
        if (missing is not null)
        {
            return Replies.Trap(missing);
        }

        foreach (var row in rows)
        {
            if (menu.Path == MenuCatalog.Active)
            {
                EndSession(row, now - row.Created);
            }

            menu.Rows.Remove(row);
        }

        return Replies.Done();
    }

    private Replies ResetCounters(SimMenu menu, Dictionary<string, string> args)
    {
        var (rows, missing) = Resolve(menu, args);
        if (missing is not null)
        {
            return Replies.Trap(missing);
        }

        foreach (var row in rows)
        {
            row["uptime"] = "0s";
            row["bytes-in"] = row["bytes-out"] = row["packets-in"] = row["packets-out"] = "0";
        }

        return Replies.Done();
    }

    private static IEnumerable<KeyValuePair<string, string>> ItemSelector(Dictionary<string, string> args) =>
        args.Where(a => a.Key is ".id" or "numbers");

    /// <summary>Items named by <c>.id</c> or <c>numbers</c>: ids, names where the menu has them, comma-separated.</summary>
    private (List<SimRow> Rows, string? Missing) Resolve(SimMenu menu, Dictionary<string, string> args)
    {
        if (!args.TryGetValue(".id", out var selector) && !args.TryGetValue("numbers", out selector))
        {
            return ([], NoSuchItem);
        }

        var rows = new List<SimRow>();
        foreach (var item in selector.Split(','))
        {
            var row = RouterOsId.TryParse(item, out var number) ? menu.Rows.Find(r => r.Number == number) : menu.FindByName(item);
            if (row is null)
            {
                return ([], RouterOsId.TryParse(item, out _) || menu.NameProperty is not null ? NoSuchItem : "invalid internal item number");
            }

            rows.Add(row);
        }

        return (rows, null);
    }

    /// <summary>
    /// The word RouterOS names in <c>no such command or directory (word)</c>: the first one, from the left, that is
    /// neither a menu nor a directory holding one (<c>/system/routerboard/getall</c> names <c>routerboard</c>).
    /// </summary>
    private string FirstUnknownWord(string path)
    {
        var words = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var prefix = string.Empty;
        foreach (var word in words)
        {
            prefix += "/" + word;
            if (!_menus.Keys.Any(m => m == prefix || m.StartsWith(prefix + "/", StringComparison.Ordinal)))
            {
                return word;
            }
        }

        return words.LastOrDefault() ?? string.Empty;
    }

    private static Replies? UnknownParameter(SimMenu menu, Dictionary<string, string> args) =>
        args.Keys.FirstOrDefault(k => !menu.Writable.Contains(k)) is { } name ? Replies.Trap("unknown parameter " + name, 1) : null;

    private SimMenu Menu(string path) => _menus[path];

    /// <summary>Stored values plus what the clock derives, <c>.id</c> first.</summary>
    private Dictionary<string, string> Output(SimMenu menu, SimRow row, DateTimeOffset now)
    {
        var output = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!menu.Single)
        {
            output[".id"] = row.Id;
        }

        foreach (var (name, value) in row.Values)
        {
            output[name] = value;
        }

        AddClockValues(menu, row, now, output);
        return output;
    }
}
