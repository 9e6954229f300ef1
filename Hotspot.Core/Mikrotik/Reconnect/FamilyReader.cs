using Hotspot.Reconnect;
using Hotspot.RouterOs;

namespace Hotspot.Mikrotik;

/// <summary>
/// Reads an entitlement in one round trip: the base and its clones (one print whose query ORs their 16 possible
/// names), their live sessions, the cookies of the device's MAC and of the family, and, when needed, the router's
/// version and the device's address from the host table.
/// </summary>
public static class FamilyReader
{
    private static readonly string[] UserProperties = [".id", "name", "password", "profile", "server", "mac-address", "limit-uptime", "uptime", "comment", "disabled"];

    public sealed record Reading(Family Family, RouterOsVersion? Version);

    public static async Task<Reading> ReadAsync(
        IRouterOsClient client, string baseName, string mac, bool needVersion, bool needHost, CancellationToken cancellationToken)
    {
        var names = MemberNames(baseName);
        var commands = new List<RouterOsCommand>
        {
            RouterOsCommand.Print(MikrotikMenus.HotspotUsers, AnyOf("name", names)).Proplist(UserProperties),
            SessionsOf(baseName),
            RouterOsCommand.Print(MikrotikMenus.HotspotCookies, AnyOf("user", names).Equal("mac-address", mac).Operations("|"))
                .Proplist(".id", "user", "mac-address"),
        };
        if (needVersion)
        {
            commands.Add(RouterOsCommand.Print(MikrotikMenus.SystemResource).Proplist("version"));
        }

        if (needHost)
        {
            commands.Add(RouterOsCommand.Print(MikrotikMenus.HotspotHosts, RouterOsQuery.Create().Equal("mac-address", mac)).Proplist("mac-address", "address"));
        }

        var replies = await client.SendAllAsync(commands, cancellationToken);
        foreach (var reply in replies)
        {
            reply.EnsureSuccess();
        }

        var sessions = replies[1].Rows.Select(HotspotActiveSession.From).ToList();
        var live = sessions
            .GroupBy(s => s.User, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Uptime), StringComparer.Ordinal);
        FamilyMember? baseMember = null;
        var clones = new List<FamilyMember>();
        foreach (var user in replies[0].Rows.Select(HotspotUser.From))
        {
            var member = new FamilyMember(user, 0, live.GetValueOrDefault(user.Name));
            if (user.Name == baseName)
            {
                baseMember = member;
            }
            else if (RandmacNames.TryParseClone(user.Name, out var cloneBase, out var slot) && cloneBase == baseName && slot <= RandmacNames.MaxClones)
            {
                clones.Add(member with { Slot = slot });
            }
        }

        var index = 3;
        RouterOsVersion? version = null;
        if (needVersion)
        {
            version = replies[index++].Rows.Select(r => r["version"]).Where(v => v is not null).Select(v => RouterOsVersion.Parse(v!)).FirstOrDefault();
        }

        var hostAddress = needHost ? replies[index].Rows.Select(r => r["address"]).FirstOrDefault(a => !string.IsNullOrEmpty(a)) : null;
        var family = new Family(
            baseName, baseMember, clones.OrderBy(c => c.Slot).ToList(), sessions,
            replies[2].Rows.Select(HotspotCookie.From).ToList(), hostAddress);
        return new Reading(family, version);
    }

    /// <summary>The live sessions of every member of the family.</summary>
    public static RouterOsCommand SessionsOf(string baseName) =>
        RouterOsCommand.Print(MikrotikMenus.HotspotActive, AnyOf("user", MemberNames(baseName))).Proplist(".id", "user", "address", "mac-address", "uptime");

    private static List<string> MemberNames(string baseName) =>
        [.. Enumerable.Range(0, RandmacNames.MaxClones + 1).Select(slot => slot == 0 ? baseName : RandmacNames.CloneName(baseName, slot))];

    /// <summary><c>?=name=a ?=name=b ... ?#||...</c>: true when the property equals any of the values.</summary>
    private static RouterOsQuery AnyOf(string property, List<string> values)
    {
        var query = RouterOsQuery.Create();
        foreach (var value in values)
        {
            query.Equal(property, value);
        }

        return values.Count > 1 ? query.Operations(new string('|', values.Count - 1)) : query;
    }
}
