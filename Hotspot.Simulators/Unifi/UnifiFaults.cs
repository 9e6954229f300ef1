namespace Hotspot.Simulators.Unifi;

/// <summary>The active faults, first match wins; each counts down its <see cref="UnifiFault.Times"/>. Thread-safe.</summary>
public sealed class UnifiFaults
{
    private readonly Lock _gate = new();
    private readonly List<(UnifiFault Fault, int? Left)> _faults = [];

    public void Add(UnifiFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(fault));
        }

        lock (_gate)
        {
            _faults.Add((fault, fault.Times));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public IReadOnlyList<UnifiFault> List()
    {
        lock (_gate)
        {
            return [.. _faults.Select(f => f.Fault)];
        }
    }

    /// <summary>Takes one use of the first fault of one of these modes matching the request, if any.</summary>
    public UnifiFault? Take(string method, string path, params ReadOnlySpan<string> modes)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var (fault, left) = _faults[i];
                if (!modes.Contains(fault.Mode) || !fault.Matches(method, path))
                {
                    continue;
                }

                if (left is { } n)
                {
                    if (n <= 1)
                    {
                        _faults.RemoveAt(i);
                    }
                    else
                    {
                        _faults[i] = (fault, n - 1);
                    }
                }

                return fault;
            }

            return null;
        }
    }
}
