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

            if (!await FamilyWriter.WriteAsync(client, plan, cancellationToken))
            {
                continue;
            }

            var address = input.CurrentIp?.ToString() ?? family.HostAddress;
            if (address is null && (version is null || version.Major >= 7))
            {
                return NotConnected(Estados.Activo, input, Messages.NotOnHotspot, success: true, plan);
            }

            if (await FamilyWriter.LoginAsync(client, plan, family.Base.User.Password, mac, address, cancellationToken) is { } refused)
            {
                var refusal = Refusal(refused);
                if (refusal == Messages.TimeExhausted && plan.Remaining is not null)
                {
                    // The plan left this member time, so something outside the lease changed the family: read it again.
                    continue;
                }

                return NotConnected(Estados.Activo, input, refusal, success: true, plan);
            }

            return await FamilyWriter.VerifyAsync(client, plan, baseName, mac, cancellationToken)
                ? await ConnectedAsync(plan, family.Base.User.Id, input, firstSession, cancellationToken)
                : NotConnected(Estados.Activo, input, Messages.NotVerified, success: true, plan);
        }

        // Every attempt found the family changed under it: the guest tries again in a moment.
        return NotConnected(Estados.Activo, input, Messages.Busy, success: true);
    }

    private async Task<AutoReconnectResponse> ConnectedAsync(
        ReconnectPlan plan, string baseUserId, ReconnectInput input, FirstSessionStore.Lookup firstSession, CancellationToken cancellationToken)
    {
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
        || CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(stored)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    private static string Refusal(HotspotLoginRefusal refusal) => refusal switch
    {
        HotspotLoginRefusal.InvalidCredentials => Messages.InvalidCredentials,
        HotspotLoginRefusal.UptimeLimitReached => Messages.TimeExhausted,
        HotspotLoginRefusal.MacNotAllowed => Messages.MacNotAllowed,
        HotspotLoginRefusal.HostNotFound => Messages.NotOnHotspot,
        _ => Messages.LoginRejected,
    };
}
