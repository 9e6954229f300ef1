using Hotspot.RouterOs;

namespace Hotspot.Sweeper;

/// <summary>The writes one sweep decided on, grouped by round.</summary>
internal sealed class SweepPlan
{
    /// <summary>Round 1: bases' TA with their FOLD lists, and clones' last-seen marks.</summary>
    public List<RouterOsCommand> RecordFolds { get; } = [];

    /// <summary>Round 2: what goes, by menu.</summary>
    public List<string> Sessions { get; } = [];

    public List<string> Cookies { get; } = [];

    public List<string> Users { get; } = [];

    /// <summary>Round 3: the FOLD lists cleared once their clones are gone.</summary>
    public List<RouterOsCommand> ClearFolds { get; } = [];

    public List<string> RemovedBases { get; } = [];

    public int ClonesFolded { get; set; }

    public long SecondsFolded { get; set; }

    public int FamiliesRemoved { get; set; }

    public int ExpiredUsersRemoved { get; set; }

    public int ClonesMarked { get; set; }

    public void RemoveUser(string id, string name, RouterInventory inventory)
    {
        Users.Add(id);
        Sessions.AddRange(inventory.SessionIds(name));
        Cookies.AddRange(inventory.CookieIds(name));
    }
}
