using Hotspot.Drivers;
using Hotspot.Reconnect;
using Hotspot.RouterOs;

namespace Hotspot.Mikrotik;

/// <summary>
/// The reconnect's writes on the router. The plan's writes, the login and a read of the family's sessions go out
/// together, in one round trip: RouterOS executes the sentences of one connection in the order it receives them and
/// answers each under its <c>.tag</c>, so the login runs after every write and the print after the login.
/// </summary>
public static class FamilyWriter
{
    /// <summary>What one pipelined apply found.</summary>
    /// <param name="Raced">A write found the family changed outside the lease (a clone name taken, an item gone).</param>
    /// <param name="Failure">A write the router refused for another reason; the caller undoes the login and reports it.</param>
    /// <param name="Refusal">Null when the login was accepted.</param>
    /// <param name="Sessions">The family's live sessions once the login ran.</param>
    public sealed record Applied(bool Raced, RouterOsResponse? Failure, HotspotLoginRefusal? Refusal, IReadOnlyList<HotspotActiveSession> Sessions);

    public static async Task<Applied> ApplyAsync(
        IRouterOsClient client, ReconnectPlan plan, string baseName, string? password, MacAddress mac, string? address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plan);
        List<RouterOsCommand> writes = plan.AddClone is null ? [.. plan.Writes] : [plan.AddClone, .. plan.Writes];
        var replies = await client.SendAllAsync(
            [.. writes, HotspotCommands.Login(plan.Selected.Name, password ?? "", mac, address), FamilyReader.SessionsOf(baseName)], cancellationToken);
        var raced = false;
        RouterOsResponse? failure = null;
        foreach (var reply in replies.Take(writes.Count).Where(r => !r.Succeeded))
        {
            var kind = reply.TrapKind;
            if (kind == RouterOsErrorKind.NoSuchItem && reply.Command.EndsWith("/remove", StringComparison.Ordinal))
            {
                // Already gone, which is what the removal wanted.
                continue;
            }

            raced |= kind is RouterOsErrorKind.DuplicateItem or RouterOsErrorKind.NoSuchItem;
            failure ??= kind is RouterOsErrorKind.DuplicateItem or RouterOsErrorKind.NoSuchItem ? null : reply;
        }

        if (!raced && failure is null && plan.AddClone is not null)
        {
            plan.SelectedAfter[".id"] = replies[0].Ret ?? "";
        }

        var login = replies[writes.Count];
        var sessions = replies[^1].EnsureSuccess().Rows.Select(HotspotActiveSession.From).ToList();
        return new Applied(raced, failure, login.Succeeded ? null : HotspotLoginRefusals.Read(login.Traps), sessions);
    }

    /// <summary>The family's live sessions, read again.</summary>
    public static async Task<IReadOnlyList<HotspotActiveSession>> SessionsAsync(IRouterOsClient client, string baseName, CancellationToken cancellationToken) =>
        (await client.SendAsync(FamilyReader.SessionsOf(baseName), cancellationToken)).EnsureSuccess().Rows.Select(HotspotActiveSession.From).ToList();

    /// <summary>Ends these sessions in one round trip; one already gone is what we wanted.</summary>
    public static async Task EndAsync(IRouterOsClient client, IEnumerable<HotspotActiveSession> sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var removals = sessions.Select(s => RouterOsCommand.Remove(MikrotikMenus.HotspotActive, [s.Id])).ToList();
        if (removals.Count == 0)
        {
            return;
        }

        foreach (var reply in await client.SendAllAsync(removals, cancellationToken))
        {
            if (!reply.Succeeded && reply.TrapKind != RouterOsErrorKind.NoSuchItem)
            {
                reply.EnsureSuccess();
            }
        }
    }
}
