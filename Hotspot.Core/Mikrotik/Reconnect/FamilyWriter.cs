using Hotspot.Drivers;
using Hotspot.Reconnect;
using Hotspot.RouterOs;

namespace Hotspot.Mikrotik;

/// <summary>The reconnect's writes on the router: the plan's changes in one round trip, the login, the check that it took.</summary>
public static class FamilyWriter
{
    /// <summary>
    /// Reads the family's live sessions once the device is logged in: true when its session is there. A session of
    /// another member that started outside the lease meanwhile (a device logging in straight through the hotspot by
    /// its cookie) is ended, so that one device at a time holds the entitlement.
    /// </summary>
    public static async Task<bool> VerifyAsync(IRouterOsClient client, ReconnectPlan plan, string baseName, MacAddress mac, CancellationToken cancellationToken)
    {
        var sessions = (await client.SendAsync(FamilyReader.SessionsOf(baseName), cancellationToken)).EnsureSuccess()
            .Rows.Select(HotspotActiveSession.From).ToList();
        var ours = sessions.Where(s => s.User == plan.Selected.Name && mac.Matches(s.MacAddress)).ToList();
        var others = sessions.Except(ours).Select(s => RouterOsCommand.Remove(MikrotikMenus.HotspotActive, [s.Id])).ToList();
        if (ours.Count > 0 && others.Count > 0)
        {
            foreach (var reply in await client.SendAllAsync(others, cancellationToken))
            {
                if (!reply.Succeeded && reply.TrapKind != RouterOsErrorKind.NoSuchItem)
                {
                    reply.EnsureSuccess();
                }
            }
        }

        return ours.Count > 0;
    }

    /// <summary>
    /// Applies the plan's writes in one round trip. False when a concurrent reconnect (or the sweeper) changed the family
    /// first: it took the clone name, or removed a session, cookie or clone the plan names. The caller reads again.
    /// </summary>
    public static async Task<bool> WriteAsync(IRouterOsClient client, ReconnectPlan plan, CancellationToken cancellationToken)
    {
        var commands = plan.AddClone is null ? plan.Writes : [plan.AddClone, .. plan.Writes];
        if (commands.Count == 0)
        {
            return true;
        }

        var replies = await client.SendAllAsync(commands, cancellationToken);
        var raced = false;
        foreach (var reply in replies.Where(r => !r.Succeeded))
        {
            var kind = reply.TrapKind;
            if (kind == RouterOsErrorKind.NoSuchItem && reply.Command.EndsWith("/remove", StringComparison.Ordinal))
            {
                continue;
            }

            raced |= kind is RouterOsErrorKind.DuplicateItem or RouterOsErrorKind.NoSuchItem;
            if (!raced)
            {
                reply.EnsureSuccess();
            }
        }

        if (raced)
        {
            return false;
        }

        if (plan.AddClone is not null)
        {
            plan.SelectedAfter[".id"] = replies[0].Ret ?? "";
        }

        return true;
    }

    /// <summary>Logs the device in as the plan's member: null when it is on, else why the router refused.</summary>
    public static async Task<HotspotLoginRefusal?> LoginAsync(
        IRouterOsClient client, ReconnectPlan plan, string? password, MacAddress mac, string? address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plan);
        var login = await client.SendAsync(HotspotCommands.Login(plan.Selected.Name, password ?? "", mac, address), cancellationToken);
        return login.Succeeded ? null : HotspotLoginRefusals.Read(login.Traps);
    }
}
