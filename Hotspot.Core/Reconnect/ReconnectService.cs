using System.Security.Cryptography;
using System.Text;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;

namespace Hotspot.Reconnect;

/// <summary>
/// Seed 000's flow on one router. A reconnect that needs a new clone costs four sequential round trips: read the
/// family (pipelined), write (pipelined), log in, verify; around them it holds the family's lease (one table write
/// to take it, one to release it), so that reconnects of one entitlement never plan from a reading another one is
/// changing. Router failures become <c>estado: error</c>.
/// </summary>
public sealed class ReconnectService(RouterVersionCache versions, FirstSessionStore firstSessions, FamilyLeases leases, TimeProvider time)
{
    /// <summary>A write that finds the family changed by something outside the lease (the sweeper, an operator) reads it again.</summary>
    private const int MaxAttempts = RandmacNames.MaxClones + 1;

    public async Task<AutoReconnectResponse> ReconnectAsync(IRouterOsClient client, long routerId, ReconnectInput input, CancellationToken cancellationToken)
    {
        var baseName = RandmacNames.BaseOf(input.Username);
        var firstSession = firstSessions.Begin(routerId, baseName, cancellationToken);
        await using var lease = await leases.AcquireAsync(routerId, baseName, cancellationToken);
        if (lease is null)
        {
            // Other devices of the family kept it busy for the whole wait: the guest tries again in a moment.
            return NotConnected(Estados.Activo, input, Messages.Busy, success: true);
        }

        return await ReconnectLeasedAsync(client, routerId, baseName, input, firstSession, cancellationToken);
    }

    private async Task<AutoReconnectResponse> ReconnectLeasedAsync(
        IRouterOsClient client, long routerId, string baseName, ReconnectInput input, FirstSessionStore.Lookup firstSession, CancellationToken cancellationToken)
    {
        var mac = input.CurrentMac;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var knownVersion = versions.Get(routerId);
            var reading = await FamilyReader.ReadAsync(client, baseName, mac, knownVersion is null, input.CurrentIp is null, cancellationToken);
            var version = knownVersion ?? reading.Version;
            if (knownVersion is null && reading.Version is not null)
            {
                versions.Set(routerId, reading.Version);
            }

            var family = reading.Family;
            if (family.Base is null)
            {
                return NotConnected(Estados.Expirado, input, Messages.UserNotFound, success: false);
            }

            if (!PasswordMatches(family.Base.User.Password, input.Password))
            {
                return NotConnected(Estados.Expirado, input, Messages.InvalidCredentials, success: false);
            }

            if (family.Base.User.Disabled)
            {
                return NotConnected(Estados.Expirado, input, Messages.Disabled, success: false);
            }

            var outcome = ReconnectPlanner.Plan(family, mac);
            if (outcome.Plan is not { } plan)
            {
                return NotConnected(outcome.Estado!, input, outcome.Mensaje, success: outcome.Estado == Estados.Activo);
            }

            if (plan.AlreadyConnected)
            {
                return await ConnectedAsync(plan, family.Base.User.Id, input, firstSession, cancellationToken);
            }

            if (!await WriteAsync(client, plan, cancellationToken))
            {
                continue;
            }

            var address = input.CurrentIp?.ToString() ?? family.HostAddress;
            if (address is null && (version is null || version.Major >= 7))
            {
                return NotConnected(Estados.Activo, input, Messages.NotOnHotspot, success: true, plan);
            }

            var login = await client.SendAsync(
                new RouterOsCommand(MikrotikMenus.HotspotActive + "/login")
                    .With("user", plan.Selected.Name)
                    .With("password", family.Base.User.Password ?? "")
                    .With("mac-address", mac)
                    .WithOptional("ip", address),
                cancellationToken);
            if (!login.Succeeded)
            {
                var refusal = LoginRefusal(login.Traps);
                if (refusal == Messages.TimeExhausted && plan.Remaining is not null)
                {
                    // The plan left this member time, so something outside the lease changed the family: read it again.
                    continue;
                }

                return NotConnected(Estados.Activo, input, refusal, success: true, plan);
            }

            return await VerifyAsync(client, plan, baseName, mac, cancellationToken)
                ? await ConnectedAsync(plan, family.Base.User.Id, input, firstSession, cancellationToken)
                : NotConnected(Estados.Activo, input, Messages.NotVerified, success: true, plan);
        }

        // Every attempt found the family changed under it: the guest tries again in a moment.
        return NotConnected(Estados.Activo, input, Messages.Busy, success: true);
    }

    /// <summary>
    /// Reads the family's live sessions once the device is logged in: true when its session is there. A session of
    /// another member that started outside the lease meanwhile (a device logging in straight through the hotspot by
    /// its cookie) is ended, so that one device at a time holds the entitlement.
    /// </summary>
    private static async Task<bool> VerifyAsync(IRouterOsClient client, ReconnectPlan plan, string baseName, string mac, CancellationToken cancellationToken)
    {
        var sessions = (await client.SendAsync(FamilyReader.SessionsOf(baseName), cancellationToken)).EnsureSuccess()
            .Rows.Select(HotspotActiveSession.From).ToList();
        var ours = sessions.Where(s => s.User == plan.Selected.Name && string.Equals(ReconnectInput.NormaliseMac(s.MacAddress), mac, StringComparison.Ordinal)).ToList();
        var others = sessions.Except(ours).Select(s => RouterOsCommand.Remove(MikrotikMenus.HotspotActive, [s.Id])).ToList();
        if (ours.Count > 0 && others.Count > 0)
        {
            foreach (var reply in await client.SendAllAsync(others, cancellationToken))
            {
                if (!reply.Succeeded && new RouterOsTrapException(reply.Command, reply.Traps).Kind != RouterOsErrorKind.NoSuchItem)
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
    private static async Task<bool> WriteAsync(IRouterOsClient client, ReconnectPlan plan, CancellationToken cancellationToken)
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
            var kind = new RouterOsTrapException(reply.Command, reply.Traps).Kind;
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

    private async Task<AutoReconnectResponse> ConnectedAsync(
        ReconnectPlan plan, string baseUserId, ReconnectInput input, FirstSessionStore.Lookup firstSession, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var first = await firstSession.ResolveAsync(baseUserId, now, cancellationToken);
        return new AutoReconnectResponse(
            true, Estados.Activo, AutoConexion.Conectado, plan.SelectedAfter, input.CurrentMac,
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
        || CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(stored)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    private static string LoginRefusal(IReadOnlyList<RouterOsTrap> traps)
    {
        var message = string.Join("; ", traps.Select(t => t.Message));
        return message switch
        {
            _ when traps.Any(t => t.Kind == RouterOsErrorKind.InvalidCredentials) => Messages.InvalidCredentials,
            _ when message.Contains("uptime limit", StringComparison.OrdinalIgnoreCase) => Messages.TimeExhausted,
            _ when message.Contains("mac address is not allowed", StringComparison.OrdinalIgnoreCase) => Messages.MacNotAllowed,
            _ when message.Contains("host not found", StringComparison.OrdinalIgnoreCase) => Messages.NotOnHotspot,
            _ => Messages.LoginRejected,
        };
    }
}
