namespace Hotspot.RouterOs;

/// <summary>Everything a command got back: rows, traps, <c>=ret=</c> of its <c>!done</c>, and whether it said <c>!empty</c>.</summary>
public sealed class RouterOsResponse
{
    public RouterOsResponse(string command, IReadOnlyList<RouterOsRow> rows, IReadOnlyList<RouterOsTrap> traps, RouterOsRow done, bool empty)
    {
        Command = command;
        Rows = rows;
        Traps = traps;
        Done = done;
        Empty = empty;
    }

    public string Command { get; }

    public IReadOnlyList<RouterOsRow> Rows { get; }

    public IReadOnlyList<RouterOsTrap> Traps { get; }

    /// <summary>The attributes of the closing <c>!done</c>.</summary>
    public RouterOsRow Done { get; }

    /// <summary>The router answered <c>!empty</c> (RouterOS 7.18 and later, for a print without rows).</summary>
    public bool Empty { get; }

    /// <summary><c>=ret=</c>: the id an <c>add</c> created, the count of a <c>count-only</c> print, a login challenge.</summary>
    public string? Ret => Done.Get("ret");

    public bool Succeeded => Traps.Count == 0;

    /// <summary>What the traps mean (<see cref="RouterOsErrorKind.Other"/> when there are none or none is recognised).</summary>
    public RouterOsErrorKind TrapKind => RouterOsTrap.KindOf(Traps);

    public RouterOsResponse EnsureSuccess() => Succeeded ? this : throw new RouterOsTrapException(Command, Traps);
}
