using Hotspot.Mikrotik;
using Hotspot.RouterOs;

namespace Hotspot.Sales.Provisioning.Mikrotik;

/// <summary>
/// Takes a purchase's access off a router: the base user and its RANDMAC clones that carry the purchase's marker (a
/// user of the same name without it is someone else's and stays), their live sessions and their MAC cookies.
/// </summary>
internal static class PurchaseFamilyRemoval
{
    /// <summary>Matches no cookie: the family's own cookies are read by user, and no device's are needed.</summary>
    private const string NoDevice = "00:00:00:00:00:00";

    public static async Task RemoveAsync(IRouterOsClient client, ProvisioningOrder order, CancellationToken cancellationToken)
    {
        var family = (await FamilyReader.ReadAsync(client, order.Usuario, NoDevice, needVersion: false, needHost: false, cancellationToken)).Family;
        var ours = family.Members.Where(m => PurchaseMarker.IsOn(m.User.Comment, order.CompraId)).ToList();
        var names = ours.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

        // One item per command, all in one round trip: an item already gone traps alone without holding back the rest.
        var removals = family.Sessions.Where(s => names.Contains(s.User)).Select(s => Remove(MikrotikMenus.HotspotActive, s.Id))
            .Concat(family.Cookies.Where(c => names.Contains(c.User)).Select(c => Remove(MikrotikMenus.HotspotCookies, c.Id)))
            .Concat(ours.OrderByDescending(m => m.Slot).Select(m => Remove(MikrotikMenus.HotspotUsers, m.User.Id)))
            .ToList();
        if (removals.Count == 0)
        {
            return;
        }

        foreach (var reply in await client.SendAllAsync(removals, cancellationToken))
        {
            if (!reply.Succeeded && new RouterOsTrapException(reply.Command, reply.Traps).Kind != RouterOsErrorKind.NoSuchItem)
            {
                reply.EnsureSuccess();
            }
        }
    }

    private static RouterOsCommand Remove(string menu, string id) => RouterOsCommand.Remove(menu, [id]);
}
