using Hotspot.Mikrotik;
using Hotspot.Reconnect;
using Hotspot.RouterOs;

namespace Hotspot.Sweeper;

/// <summary>
/// What a sweep needs to know about a router, from three prints streamed at once over one connection with only the
/// properties it reads. Plain users are kept only when expired, so memory follows the RANDMAC families, not the table.
/// </summary>
internal sealed class RouterInventory
{
    private readonly Dictionary<string, List<(string Id, long Seconds)>> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _cookies = new(StringComparer.Ordinal);

    public sealed record Member(string Id, string Name, int Slot, long UptimeSeconds, string? Comment, DateTimeOffset? LastSeen);

    public sealed class FamilyRecord(string baseName)
    {
        public string BaseName { get; } = baseName;

        public string BaseId { get; set; } = "";

        public RandmacMarkers Markers { get; set; } = null!;

        public List<Member> Members { get; } = [];
    }

    public Dictionary<string, FamilyRecord> Families { get; } = new(StringComparer.Ordinal);

    public List<Member> Orphans { get; } = [];

    public List<(string Id, string Name)> ExpiredUsers { get; } = [];

    public int UsersScanned { get; private set; }

    public long LiveSeconds(string user) => _sessions.TryGetValue(user, out var list) ? list.Sum(s => s.Seconds) : 0;

    public bool HasSession(string user) => _sessions.ContainsKey(user);

    public IEnumerable<string> SessionIds(string user) => _sessions.TryGetValue(user, out var list) ? list.Select(s => s.Id) : [];

    public IEnumerable<string> CookieIds(string user) => _cookies.TryGetValue(user, out var list) ? list : [];

    public static async Task<RouterInventory> ReadAsync(IRouterOsClient client, CancellationToken cancellationToken)
    {
        var inventory = new RouterInventory();
        var clones = new List<(string BaseName, Member Clone)>();
        await Task.WhenAll(
            inventory.ReadUsersAsync(client, clones, cancellationToken),
            inventory.ReadSessionsAsync(client, cancellationToken),
            inventory.ReadCookiesAsync(client, cancellationToken));

        foreach (var (baseName, clone) in clones)
        {
            if (inventory.Families.TryGetValue(baseName, out var family) && family.Markers is not null)
            {
                family.Members.Add(clone);
            }
            else
            {
                inventory.Orphans.Add(clone);
            }
        }

        foreach (var family in inventory.Families.Values.Where(f => f.Markers is null).ToList())
        {
            inventory.Families.Remove(family.BaseName);
        }

        return inventory;
    }

    private async Task ReadUsersAsync(IRouterOsClient client, List<(string, Member)> clones, CancellationToken cancellationToken)
    {
        var print = RouterOsCommand.Print(MikrotikMenus.HotspotUsers).Proplist(".id", "name", "uptime", "limit-uptime", "comment");
        await foreach (var row in client.StreamAsync(print, cancellationToken))
        {
            UsersScanned++;
            var (id, name) = (row.Id ?? "", row["name"] ?? "");
            var uptime = (long)(row.GetDuration("uptime") ?? TimeSpan.Zero).TotalSeconds;
            var markers = RandmacMarkers.Parse(row["comment"]);
            if (markers is not null && RandmacNames.TryParseClone(name, out var baseName, out var slot) && slot <= RandmacNames.MaxClones)
            {
                clones.Add((baseName, new Member(id, name, slot, uptime, row["comment"], markers.LastSeen)));
            }
            else if (markers is not null)
            {
                var family = Family(name);
                family.BaseId = id;
                family.Markers = markers;
                family.Members.Add(new Member(id, name, 0, uptime, row["comment"], null));
            }
            else if (row.GetDuration("limit-uptime") is { } limit && limit > TimeSpan.Zero && uptime >= (long)limit.TotalSeconds)
            {
                ExpiredUsers.Add((id, name));
            }
        }
    }

    private FamilyRecord Family(string baseName)
    {
        if (!Families.TryGetValue(baseName, out var family))
        {
            Families[baseName] = family = new FamilyRecord(baseName);
        }

        return family;
    }

    private async Task ReadSessionsAsync(IRouterOsClient client, CancellationToken cancellationToken)
    {
        await foreach (var row in client.StreamAsync(RouterOsCommand.Print(MikrotikMenus.HotspotActive).Proplist(".id", "user", "uptime"), cancellationToken))
        {
            var user = row["user"] ?? "";
            if (!_sessions.TryGetValue(user, out var list))
            {
                _sessions[user] = list = [];
            }

            list.Add((row.Id ?? "", (long)(row.GetDuration("uptime") ?? TimeSpan.Zero).TotalSeconds));
        }
    }

    private async Task ReadCookiesAsync(IRouterOsClient client, CancellationToken cancellationToken)
    {
        await foreach (var row in client.StreamAsync(RouterOsCommand.Print(MikrotikMenus.HotspotCookies).Proplist(".id", "user"), cancellationToken))
        {
            var user = row["user"] ?? "";
            if (!_cookies.TryGetValue(user, out var list))
            {
                _cookies[user] = list = [];
            }

            list.Add(row.Id ?? "");
        }
    }
}
