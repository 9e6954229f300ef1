using Hotspot.Drivers;
using Hotspot.Mikrotik;
using Hotspot.PortalLogin;
using Hotspot.RouterOs;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;
using Hotspot.Vouchers;

namespace Hotspot.Sweeper;

/// <summary>
/// The sweep's portal step for one MikroTik router: portal sessions past <c>session_timeout</c> or idle longer than
/// <c>idle_timeout</c> are logged out and closed; vouchers are switched on at <c>valid_from</c>, get their first login
/// recorded, and are removed once their validity has run out. One read of the router's sessions and voucher users.
/// </summary>
public sealed class PortalSweep(PortalSessionStore sessions, VoucherStore vouchers, VoucherHotspotUsers voucherRouter, RouterControllers controllers, TimeProvider time)
{
    private const int MaxSessionsRead = 10_000;

    public async Task<SweepReport> SweepAsync(RouterEntity router, IRouterOsClient client, SweepReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(report);
        var now = time.GetUtcNow();
        var controller = controllers.For(router)!;
        var live = (await controller.ListSessionsAsync(null, MaxSessionsRead, cancellationToken)).ToList();
        var ended = await EndSessionsAsync(router, controller, live, now, cancellationToken);
        var (enabled, expired) = await SweepVouchersAsync(router, client, live, now, cancellationToken);
        return report with { PortalSessionsEnded = ended, VouchersEnabled = enabled, VouchersExpired = expired };
    }

    /// <summary>
    /// The portal step for a router that holds neither vouchers nor idle times (UniFi): sessions past
    /// <c>session_timeout</c> are revoked where still authorized and closed; vouchers past their validity are marked
    /// expired (the access they granted is in the grant ledger, which the UniFi grant sweep revokes).
    /// </summary>
    public async Task<(int SessionsEnded, int VouchersExpired)> SweepHeldAsync(RouterEntity router, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        var now = time.GetUtcNow();
        var controller = controllers.For(router)!;
        var ended = 0;
        await foreach (var session in sessions.OpenOfAsync(router.Id, cancellationToken))
        {
            if (now < session.EndsAt)
            {
                continue;
            }

            var device = new GuestDevice(MacAddress.Parse(session.Mac));
            try
            {
                if (await controller.GetStatusAsync(device, cancellationToken) is { Authorized: true })
                {
                    await controller.DeauthorizeAsync(device, cancellationToken);
                }
            }
            catch (ControllerException e) when (e.Error is ControllerError.DeviceNotFound or ControllerError.NotAGuest)
            {
                // Gone from the controller: nothing to revoke.
            }

            ended += await sessions.EndAsync(session, "session_timeout", now, cancellationToken) ? 1 : 0;
        }

        var expired = 0;
        await foreach (var voucher in vouchers.LiveOfAsync(router.Id, cancellationToken))
        {
            if (VoucherValidity.ExpiresAt(voucher) is not { } expiresAt || expiresAt > now)
            {
                continue;
            }

            voucher.Expired = true;
            voucher.LastModified = now;
            try
            {
                await vouchers.UpdateAsync(voucher, cancellationToken);
                expired++;
            }
            catch (ConcurrencyConflictException)
            {
                // Redeemed or removed meanwhile: the next sweep looks again.
            }
        }

        return (ended, expired);
    }

    private async Task<int> EndSessionsAsync(RouterEntity router, IGuestAccessController controller, List<GuestSession> live, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ended = 0;
        await foreach (var session in sessions.OpenOfAsync(router.Id, cancellationToken))
        {
            var onRouter = live.Find(s => s.Host.Mac.ToString() == session.Mac && s.Account == PortalAccounts.For(session.Uid));
            // The router may have ended it itself (the portal user's limit-uptime): still a timeout, not a departure.
            var reason = now >= session.EndsAt ? "session_timeout"
                : onRouter is null ? "gone"
                : session.IdleTimeout is { } idle && onRouter.IdleTime >= TimeSpan.FromSeconds(idle) ? "idle_timeout"
                : null;
            if (reason is null)
            {
                continue;
            }

            if (onRouter is not null)
            {
                await controller.DeauthorizeAsync(new GuestDevice(onRouter.Host.Mac), cancellationToken);
            }

            ended += await sessions.EndAsync(session, reason, now, cancellationToken) ? 1 : 0;
        }

        return ended;
    }

    private async Task<(int Enabled, int Expired)> SweepVouchersAsync(RouterEntity router, IRouterOsClient client, List<GuestSession> live, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var users = (await client.GetHotspotUsersAsync(RouterOsQuery.Create().Equal("comment", VoucherHotspotUsers.Comment), cancellationToken))
            .ToDictionary(u => u.Name, StringComparer.Ordinal);
        var (enabled, expired) = (0, 0);
        await foreach (var voucher in vouchers.LiveOfAsync(router.Id, cancellationToken))
        {
            var user = users.GetValueOrDefault(voucher.Username);
            var online = live.Find(s => s.Account == voucher.Username);
            var changed = false;
            if (voucher.FirstLogin is null && (online is not null || user is { Uptime.Ticks: > 0 }))
            {
                voucher.FirstLogin = online?.Uptime is { } up ? now - up : now;
                changed = true;
            }

            if (online is not null)
            {
                voucher.LastLogin = now - (online.Uptime ?? TimeSpan.Zero);
                voucher.Mac = online.Host.Mac.ToUpperString();
                changed = true;
            }

            if (VoucherValidity.ExpiresAt(voucher) <= now)
            {
                await voucherRouter.RemoveAsync(router, voucher.Username, cancellationToken);
                voucher.Expired = true;
                changed = true;
                expired++;
            }
            else if (user is { Disabled: true } && voucher.ValidFrom <= now)
            {
                await client.SetAsync(MikrotikMenus.HotspotUsers, user.Id, [new("disabled", RouterOsBool.Format(false))], cancellationToken);
                enabled++;
            }

            if (changed)
            {
                voucher.LastModified = now;
                await vouchers.UpdateAsync(voucher, cancellationToken);
            }
        }

        return (enabled, expired);
    }
}
