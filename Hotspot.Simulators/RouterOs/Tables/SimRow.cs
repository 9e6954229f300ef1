namespace Hotspot.Simulators.RouterOs;

/// <summary>One item of a menu: its id number, its stored properties, and when it came into being (for clock-driven values).</summary>
internal sealed class SimRow
{
    public SimRow(long number, DateTimeOffset created)
    {
        Number = number;
        Created = created;
    }

    public long Number { get; }

    public DateTimeOffset Created { get; }

    /// <summary>When the item lapses (a cookie's expiry); not a property the API shows.</summary>
    public DateTimeOffset? Until { get; set; }

    /// <summary>A session a RADIUS server granted (its grant and accounting id), or the credentials a RADIUS login's MAC cookie replays; not shown by the API.</summary>
    public Radius.RadiusSessionState? Radius { get; set; }

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public string Id => Hotspot.RouterOs.RouterOsId.Format(Number);

    public string? this[string name]
    {
        get => Values.GetValueOrDefault(name);
        set
        {
            if (value is null)
            {
                Values.Remove(name);
            }
            else
            {
                Values[name] = value;
            }
        }
    }
}
