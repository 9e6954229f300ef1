using Hotspot.Mikrotik;
using Hotspot.Reconnect;
using Hotspot.RouterOs;

namespace Hotspot.Sweeper;

/// <summary>
/// Cleans one router: folds the time of idle RANDMAC clones into their base's TA and removes them, removes families
/// whose bought time is spent and plain users past their <c>limit-uptime</c>, with their sessions and cookies.
/// Crash-safe and idempotent: a fold is recorded on the base (TA and FOLD in one <c>set</c>) before its clones go,
/// so a sweep stopped anywhere and run again counts no second twice and loses none. Three streamed prints, then at
/// most three pipelined rounds of writes, whatever the number of users.
/// </summary>
public sealed class MikrotikSweep(TimeProvider time)
{
    private const int IdsPerRemove = 500;
    private const int CommandsPerRound = 200;
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    public async Task<SweepReport> SweepAsync(IRouterOsClient client, long routerId, TimeSpan cloneIdle, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var inventory = await RouterInventory.ReadAsync(client, cancellationToken);
        var plan = new SweepPlan();
        foreach (var family in inventory.Families.Values)
        {
            PlanFamily(family, inventory, plan, now, cloneIdle);
        }

        foreach (var orphan in inventory.Orphans)
        {
            plan.RemoveUser(orphan.Id, orphan.Name, inventory);
        }

        foreach (var expired in inventory.ExpiredUsers)
        {
            plan.RemoveUser(expired.Id, expired.Name, inventory);
            plan.ExpiredUsersRemoved++;
        }

        await SendRoundAsync(client, plan.RecordFolds, cancellationToken);
        await RemoveAsync(client, MikrotikMenus.HotspotActive, plan.Sessions, cancellationToken);
        await RemoveAsync(client, MikrotikMenus.HotspotCookies, plan.Cookies, cancellationToken);
        await RemoveAsync(client, MikrotikMenus.HotspotUsers, plan.Users, cancellationToken);
        await SendRoundAsync(client, plan.ClearFolds, cancellationToken);

        return new SweepReport(
            routerId, inventory.UsersScanned, plan.ClonesFolded, plan.SecondsFolded, plan.FamiliesRemoved, plan.ExpiredUsersRemoved,
            plan.Users.Count, plan.Sessions.Count, plan.Cookies.Count, plan.ClonesMarked, null);
    }

    private static void PlanFamily(RouterInventory.FamilyRecord family, RouterInventory inventory, SweepPlan plan, DateTimeOffset now, TimeSpan cloneIdle)
    {
        var markers = family.Markers;
        var pending = markers.Folds().ToDictionary(f => f.Slot, f => f.Seconds);
        var live = family.Members.Sum(m => inventory.LiveSeconds(m.Name));
        var extra = 0L;
        var used = markers.TimeAccumulatedSeconds + live;
        foreach (var member in family.Members)
        {
            if (pending.TryGetValue(member.Slot, out var alreadyCounted))
            {
                // Folded by a sweep that stopped before removing it: only time used since then is new.
                extra += Math.Max(0, member.UptimeSeconds - alreadyCounted);
            }
            else
            {
                used += member.UptimeSeconds;
            }
        }

        used += extra;
        if (markers.IsLimited && used >= markers.TimeLimitSeconds)
        {
            foreach (var member in family.Members.OrderByDescending(m => m.Slot))
            {
                plan.RemoveUser(member.Id, member.Name, inventory);
            }

            plan.FamiliesRemoved++;
            plan.RemovedBases.Add(family.BaseName);
            return;
        }

        var folds = new List<(int Slot, long Seconds)>();
        foreach (var clone in family.Members.Where(m => m.Slot > 0))
        {
            if (pending.TryGetValue(clone.Slot, out var counted))
            {
                folds.Add((clone.Slot, Math.Max(clone.UptimeSeconds, counted)));
                plan.RemoveUser(clone.Id, clone.Name, inventory);
                continue;
            }

            var active = inventory.LiveSeconds(clone.Name) > 0 || inventory.HasSession(clone.Name);
            if (!active && clone.LastSeen is { } seen && now - seen >= cloneIdle)
            {
                folds.Add((clone.Slot, clone.UptimeSeconds));
                plan.RemoveUser(clone.Id, clone.Name, inventory);
                plan.ClonesFolded++;
                plan.SecondsFolded += clone.UptimeSeconds;
                extra += clone.UptimeSeconds;
            }
            else if (clone.LastSeen is null || (active && now - clone.LastSeen.Value >= LastSeenResolution))
            {
                // Starts (or restarts, while in use) the clone's idle clock.
                var cloneMarkers = RandmacMarkers.Parse(clone.Comment) ?? markers with { PendingFolds = "" };
                plan.RecordFolds.Add(SetComment(clone.Id, cloneMarkers with { LastSeen = now }));
                plan.ClonesMarked++;
            }
        }

        if (folds.Count == 0 && pending.Count == 0)
        {
            return;
        }

        // One set carries both the new TA and the list of clones it already counts.
        var folded = markers with { TimeAccumulatedSeconds = markers.TimeAccumulatedSeconds + extra };
        plan.RecordFolds.Add(SetComment(family.BaseId, folded.WithFolds(folds)));
        plan.ClearFolds.Add(SetComment(family.BaseId, folded.WithFolds([])));
    }

    private static RouterOsCommand SetComment(string id, RandmacMarkers markers) =>
        RouterOsCommand.Set(MikrotikMenus.HotspotUsers, id, [new("comment", markers.ToComment())]);

    private static async Task SendRoundAsync(IRouterOsClient client, List<RouterOsCommand> commands, CancellationToken cancellationToken)
    {
        foreach (var chunk in commands.Chunk(CommandsPerRound))
        {
            var replies = await client.SendAllAsync(chunk, cancellationToken);
            foreach (var reply in replies.Where(r => !r.Succeeded))
            {
                // A user removed meanwhile (by an operator, or a reconnect's race) needs no comment.
                if (new RouterOsTrapException(reply.Command, reply.Traps).Kind != RouterOsErrorKind.NoSuchItem)
                {
                    reply.EnsureSuccess();
                }
            }
        }
    }

    /// <summary>Comma-separated id lists, all in one round trip; a list that names an item already gone is retried item by item.</summary>
    private static async Task RemoveAsync(IRouterOsClient client, string menu, List<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var batches = ids.Distinct(StringComparer.Ordinal).Chunk(IdsPerRemove).ToList();
        var replies = await client.SendAllAsync(batches.Select(batch => RouterOsCommand.Remove(menu, batch)).ToList(), cancellationToken);
        var retry = new List<RouterOsCommand>();
        for (var i = 0; i < replies.Count; i++)
        {
            if (replies[i].Succeeded)
            {
                continue;
            }

            if (new RouterOsTrapException(replies[i].Command, replies[i].Traps).Kind != RouterOsErrorKind.NoSuchItem)
            {
                replies[i].EnsureSuccess();
            }

            retry.AddRange(batches[i].Select(id => RouterOsCommand.Remove(menu, [id])));
        }

        await SendRoundAsync(client, retry, cancellationToken);
    }
}
