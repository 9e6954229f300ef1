using System.Globalization;
using Hotspot.RouterOs;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;
using Hotspot.Vouchers;

namespace Hotspot.Mikrotik;

/// <summary>
/// Where a voucher lives on the router. MikroTik: a hotspot user (download is what the router sends the guest,
/// <c>limit-bytes-out</c>; upload is <c>limit-bytes-in</c>), disabled until <c>valid_from</c>. UniFi: nothing on the
/// controller; we hold the voucher and the portal redeems it.
/// </summary>
public sealed class VoucherHotspotUsers(IMikrotikClients clients)
{
    public const string Comment = "hotspot:voucher";
    private const long BytesPerMb = 1024 * 1024;

    /// <summary>False when the router already has a user of that name (not one of our vouchers).</summary>
    public async Task<bool> ProvisionAsync(RouterEntity router, VoucherEntity voucher, bool disabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(voucher);
        if (Kinds.RouterKindRegistry.For(router)?.VouchersAreRouterUsers != true)
        {
            return true;
        }

        var command = HotspotCommands.AddUser(new NewHotspotUser(voucher.Username, voucher.Passcode) { Comment = Comment })
            .WithOptional("limit-bytes-out", Bytes(voucher.DownloadLimitMb))
            .WithOptional("limit-bytes-in", Bytes(voucher.UploadLimitMb))
            .With("disabled", RouterOsBool.Format(disabled));
        var client = await clients.ForAsync(router, cancellationToken);
        var response = await client.SendAsync(command, cancellationToken);
        if (!response.Succeeded && response.TrapKind == RouterOsErrorKind.DuplicateItem)
        {
            return false;
        }

        response.EnsureSuccess();
        return true;
    }

    /// <summary>Removes the voucher's user and logs out its sessions; a user already gone is fine.</summary>
    public async Task RemoveAsync(RouterEntity router, string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        if (Kinds.RouterKindRegistry.For(router)?.VouchersAreRouterUsers != true)
        {
            return;
        }

        var client = await clients.ForAsync(router, cancellationToken);
        var reads = await client.SendAllAsync(
            [HotspotCommands.FindUser(username), RouterOsCommand.Print(MikrotikMenus.HotspotActive, RouterOsQuery.Create().Equal("user", username))], cancellationToken);
        var users = reads[0].EnsureSuccess().Rows.Select(r => r.Id).OfType<string>().ToList();
        var sessions = reads[1].EnsureSuccess().Rows.Select(r => r.Id).OfType<string>().ToList();
        var removals = new List<RouterOsCommand>();
        if (sessions.Count > 0)
        {
            removals.Add(RouterOsCommand.Remove(MikrotikMenus.HotspotActive, sessions));
        }

        if (users.Count > 0)
        {
            removals.Add(RouterOsCommand.Remove(MikrotikMenus.HotspotUsers, users));
        }

        foreach (var response in removals.Count == 0 ? [] : await client.SendAllAsync(removals, cancellationToken))
        {
            if (!response.Succeeded && response.TrapKind != RouterOsErrorKind.NoSuchItem)
            {
                response.EnsureSuccess();
            }
        }
    }

    /// <summary>The live sessions of these usernames on the router, by username: one print with an or-query.</summary>
    public async Task<IReadOnlyDictionary<string, HotspotActiveSession>> SessionsOfAsync(RouterEntity router, IReadOnlyList<string> usernames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(usernames);
        if (Kinds.RouterKindRegistry.For(router)?.VouchersAreRouterUsers != true || usernames.Count == 0)
        {
            return new Dictionary<string, HotspotActiveSession>();
        }

        var query = RouterOsQuery.Create();
        foreach (var name in usernames)
        {
            query.Equal("user", name);
        }

        if (usernames.Count > 1)
        {
            query.Operations(new string('|', usernames.Count - 1));
        }

        var client = await clients.ForAsync(router, cancellationToken);
        var sessions = await client.GetHotspotActiveAsync(query, cancellationToken);
        return sessions.GroupBy(s => s.User, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    private static string? Bytes(long mb) => mb > 0 ? (mb * BytesPerMb).ToString(CultureInfo.InvariantCulture) : null;
}
