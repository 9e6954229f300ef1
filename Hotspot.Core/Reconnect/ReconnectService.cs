using Hotspot.Mikrotik;
using Hotspot.RouterOs;

namespace Hotspot.Reconnect;

/// <summary>
/// Seed 000's flow on one router. The family is read first without a lease (one round trip): a device already online
/// in a family with one live session is answered from that reading, with no table request. A reconnect that changes
/// the family takes the family's lease (one table write, another to release it), while the router is read unless this
/// instance answered the device connected lately (<see cref="RecentlyConnected"/>); when nobody held the lease since
/// the reading it plans from that reading, otherwise it reads again under the lease. Its writes, the login and the read
/// of the family's sessions then go in one pipelined round trip: 2 round trips in all for a known device or a new
/// clone, 3 when the family must be read again. Router failures become <c>estado: error</c>.
/// </summary>
public sealed class ReconnectService(RouterVersionCache versions, FirstSessionStore firstSessions, FamilyLeases leases, TimeProvider time)
{
    private readonly RecentlyConnected _recent = new(time);

    /// <summary>A write that finds the family changed by something outside the lease (the sweeper, an operator) reads it again.</summary>
    private const int MaxAttempts = RandmacNames.MaxClones + 1;

    public async Task<AutoReconnectResponse> ReconnectAsync(IRouterOsClient client, long routerId, ReconnectInput input, CancellationToken cancellationToken)
    {
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var baseName = RandmacNames.BaseOf(input.Username);
        var firstSession = firstSessions.Begin(routerId, baseName, cancellationToken);
        var seen = leases.Seen(routerId, baseName);
        await using var early = new EarlyLease(_recent.ProbablyOnline(routerId, input.CurrentMac)
            ? null
            : leases.AcquireAsync(routerId, baseName, seen, startedAt, cancellationToken));
        var family = await ReadAsync(client, routerId, baseName, input, cancellationToken);
        if (CredentialsRefusal(family, input) is { } refused)
        {
            return refused;
        }

        var outcome = ReconnectPlanner.Plan(family, input.CurrentMac);
        if (outcome.Plan is { AlreadyConnected: true } online && family.Sessions.Count == 1)
        {
            // Nothing to change: no lease (one taken early is given back), no table write.
            return await ConnectedAsync(routerId, online, family.Base!.User.Id, input, firstSession, cancellationToken);
        }

        if (outcome is { Plan: null, Estado: Estados.Expirado })
        {
            // Used time only grows, whatever runs at the same time: a reading that finds it used up is right.
            return NotConnected(outcome.Estado, input, outcome.Mensaje, success: false);
        }

        await using var lease = early.Started
            ? await early.TakeAsync()
            : await leases.AcquireAsync(routerId, baseName, seen, startedAt, cancellationToken);
        if (lease is null)
        {
            // Other devices of the family kept it busy for the whole wait: the guest tries again in a moment.
            return NotConnected(Estados.Activo, input, Messages.Busy, success: true);
        }

        return await ReconnectLeasedAsync(client, routerId, baseName, input, firstSession, lease.Unchanged ? family : null, cancellationToken);
    }

    private async Task<Family> ReadAsync(IRouterOsClient client, long routerId, string baseName, ReconnectInput input, CancellationToken cancellationToken)
    {
        var knownVersion = versions.Get(routerId);
        var reading = await FamilyReader.ReadAsync(client, baseName, input.CurrentMac, knownVersion is null, input.CurrentIp is null, cancellationToken);
        if (knownVersion is null && reading.Version is not null)
        {
            versions.Set(routerId, reading.Version);
        }

        return reading.Family;
    }

    private AutoReconnectResponse? CredentialsRefusal(Family family, ReconnectInput input) => family.Base switch
    {
        null => NotConnected(Estados.Expirado, input, Messages.UserNotFound, success: false),
        { } b when !PasswordMatches(b.User.Password, input.Password) => NotConnected(Estados.Expirado, input, Messages.InvalidCredentials, success: false),
        { User.Disabled: true } => NotConnected(Estados.Expirado, input, Messages.Disabled, success: false),
        _ => null,
    };

    private async Task<AutoReconnectResponse> ReconnectLeasedAsync(
        IRouterOsClient client, long routerId, string baseName, ReconnectInput input, FirstSessionStore.Lookup firstSession, Family? unchanged,
        CancellationToken cancellationToken)
    {
        var mac = input.CurrentMac;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var family = attempt == 0 && unchanged is not null ? unchanged : await ReadAsync(client, routerId, baseName, input, cancellationToken);
            if (CredentialsRefusal(family, input) is { } refused)
            {
                return refused;
            }

            var outcome = ReconnectPlanner.Plan(family, mac);
            if (outcome.Plan is not { } plan)
            {
                return NotConnected(outcome.Estado!, input, outcome.Mensaje, success: outcome.Estado == Estados.Activo);
            }

            if (plan.AlreadyConnected)
            {
                return await ConnectedAsync(routerId, plan, family.Base!.User.Id, input, firstSession, cancellationToken);
            }

            var address = input.CurrentIp?.ToString() ?? family.HostAddress;
            var version = versions.Get(routerId);
            if (address is null && (version is null || version.Major >= 7))
            {
                return NotConnected(Estados.Activo, input, Messages.NotOnHotspot, success: true, plan);
            }

            var applied = await FamilyWriter.ApplyAsync(client, plan, baseName, family.Base!.User.Password, mac, address, cancellationToken);
            var ours = applied.Sessions.Where(s => s.User == plan.Selected.Name && mac.Matches(s.MacAddress)).ToList();
            if (applied.Raced || applied.Failure is not null)
            {
                // The login ran after writes that did not all take: it must not stand on them.
                if (applied.Refusal is null)
                {
                    await FamilyWriter.EndAsync(client, ours, cancellationToken);
                }

                applied.Failure?.EnsureSuccess();
                continue;
            }

            if (applied.Refusal is { } refusedLogin)
            {
                var refusal = Refusal(refusedLogin);
                if (refusal == Messages.TimeExhausted && plan.Remaining is not null)
                {
                    // The plan left this member time, so something outside the lease changed the family: read it again.
                    continue;
                }

                return NotConnected(Estados.Activo, input, refusal, success: true, plan);
            }

            var sessions = applied.Sessions;
            if (ours.Count == 0)
            {
                // A router that lists the session a moment after it accepted the login: one more look.
                sessions = await FamilyWriter.SessionsAsync(client, baseName, cancellationToken);
                ours = sessions.Where(s => s.User == plan.Selected.Name && mac.Matches(s.MacAddress)).ToList();
                if (ours.Count == 0)
                {
                    return NotConnected(Estados.Activo, input, Messages.NotVerified, success: true, plan);
                }
            }

            // A session of another member that started outside the lease meanwhile (a device logging in straight
            // through the hotspot by its cookie) ends, so that one device at a time holds the entitlement.
            await FamilyWriter.EndAsync(client, sessions.Except(ours), cancellationToken);
            return await ConnectedAsync(routerId, plan, family.Base.User.Id, input, firstSession, cancellationToken);
        }

        // Every attempt found the family changed under it: the guest tries again in a moment.
        return NotConnected(Estados.Activo, input, Messages.Busy, success: true);
    }

    private async Task<AutoReconnectResponse> ConnectedAsync(
        long routerId, ReconnectPlan plan, string baseUserId, ReconnectInput input, FirstSessionStore.Lookup firstSession, CancellationToken cancellationToken)
    {
        _recent.Connected(routerId, input.CurrentMac);
        var now = time.GetUtcNow();
        var first = await firstSession.ResolveAsync(baseUserId, now, cancellationToken);
        return new AutoReconnectResponse(
            true, Estados.Activo, AutoConexion.Conectado, plan.SelectedAfter, input.CurrentMac.ToUpperString(),
            UptimeText.Format(plan.Used), plan.Remaining is { } left ? UptimeText.Format(left) : null,
            AutoReconnectResponse.FormatTimestamp(first), null, null, AutoReconnectResponse.FormatTimestamp(now));
    }

    private AutoReconnectResponse NotConnected(string estado, ReconnectInput input, string? mensaje, bool success, ReconnectPlan? plan = null) =>
        AutoReconnectResponse.NotConnected(estado, input.CurrentMac, mensaje, time.GetUtcNow()) with
        {
            Success = success,
            DatosSesion = plan?.SelectedAfter,
            TiempoAcumulado = plan is null ? null : UptimeText.Format(plan.Used),
            TiempoRestante = plan?.Remaining is { } left ? UptimeText.Format(left) : null,
        };

    /// <summary>PIN users have an empty password: whatever the portal sends is ignored for them.</summary>
    private static bool PasswordMatches(string? stored, string given) =>
        string.IsNullOrEmpty(stored)
        || Auth.ConstantTime.TextEquals(stored, given);

    private static string Refusal(HotspotLoginRefusal refusal) => refusal switch
    {
        HotspotLoginRefusal.InvalidCredentials => Messages.InvalidCredentials,
        HotspotLoginRefusal.UptimeLimitReached => Messages.TimeExhausted,
        HotspotLoginRefusal.MacNotAllowed => Messages.MacNotAllowed,
        HotspotLoginRefusal.HostNotFound => Messages.NotOnHotspot,
        _ => Messages.LoginRejected,
    };
}
