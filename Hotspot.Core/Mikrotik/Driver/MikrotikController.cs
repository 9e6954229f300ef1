using System.Security.Cryptography;
using Hotspot.Drivers;
using Hotspot.RouterOs;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Mikrotik;

/// <summary>
/// <see cref="IGuestAccessController"/> over the RouterOS API, on the router's shared connection: a device is a row of
/// <c>/ip/hotspot/host</c>, an authorization a row of <c>/ip/hotspot/active</c> logged in as a hotspot user (the
/// authorization's account, which must be one this driver created: <see cref="PortalComment"/>). MikroTik has no sites:
/// the site argument is ignored.
/// </summary>
internal sealed class MikrotikController(RouterEntity router, IMikrotikClients clients, TimeProvider time) : IGuestAccessController
{
    /// <summary>Marks the hotspot users this driver creates for a portal login, so that nothing else is mistaken for one.</summary>
    public const string PortalComment = "hotspot:portal";

    public Task<ControllerInfo> TestConnectionAsync(CancellationToken cancellationToken) =>
        RunAsync(async client =>
        {
            var resource = await client.GetSystemResourceAsync(cancellationToken);
            return new ControllerInfo("mikrotik", resource.Version.ToString());
        }, cancellationToken);

    public Task<KnownHost?> FindDeviceAsync(GuestDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        return RunAsync(async client =>
        {
            var hosts = await client.GetHotspotHostsAsync(HotspotCommands.ByMac(device.Mac), cancellationToken);
            return hosts.Count > 0 ? ToKnownHost(hosts[0]) : null;
        }, cancellationToken);
    }

    public Task<GuestStatus> AuthorizeAsync(GuestAuthorization authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return RunAsync(client => AuthorizeCoreAsync(client, authorization, cancellationToken), cancellationToken);
    }

    public Task<GuestStatus?> GetStatusAsync(GuestDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        return RunAsync(client => ReadStatusAsync(client, device.Mac, cancellationToken), cancellationToken);
    }

    public Task<bool> DeauthorizeAsync(GuestDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        return RunAsync(async client =>
        {
            var sessions = await client.GetHotspotActiveAsync(HotspotCommands.ByMac(device.Mac), cancellationToken);
            if (sessions.Count == 0)
            {
                return false;
            }

            await client.RemoveAsync(MikrotikMenus.HotspotActive, sessions.Select(s => s.Id), cancellationToken);
            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<KnownHost>> ListActiveGuestsAsync(string? site, CancellationToken cancellationToken) =>
        RunAsync(async client =>
        {
            var sessions = await client.GetHotspotActiveAsync(null, cancellationToken);
            return (IReadOnlyList<KnownHost>)[.. sessions.Where(s => MacAddress.TryParse(s.MacAddress, out _))
                .Select(s => new KnownHost(MacAddress.Parse(s.MacAddress!), s.Id, s.User, s.Address, ConnectionKind.Unknown, true, true))];
        }, cancellationToken);

    public Task<IReadOnlyList<GuestSession>> ListSessionsAsync(string? site, int max, CancellationToken cancellationToken) =>
        RunAsync(async client =>
        {
            var sessions = new List<GuestSession>();
            await foreach (var row in client.StreamAsync(RouterOsCommand.Print(MikrotikMenus.HotspotActive), cancellationToken))
            {
                if (sessions.Count == max)
                {
                    break;
                }

                var session = HotspotActiveSession.From(row);
                if (MacAddress.TryParse(session.MacAddress, out var mac))
                {
                    // RouterOS counts from its own side: bytes-out went to the guest.
                    sessions.Add(new GuestSession(new KnownHost(mac, session.Id, session.User, session.Address, ConnectionKind.Unknown, true, true),
                        session.User, session.Uptime, row.GetDuration("idle-time"), session.BytesOut, session.BytesIn));
                }
            }

            return (IReadOnlyList<GuestSession>)sessions;
        }, cancellationToken);

    public Task<IReadOnlyList<KnownHost>> ListKnownHostsAsync(string? site, CancellationToken cancellationToken) =>
        RunAsync(async client =>
        {
            var hosts = await client.GetHotspotHostsAsync(null, cancellationToken);
            return (IReadOnlyList<KnownHost>)[.. hosts.Where(h => MacAddress.TryParse(h.MacAddress, out _)).Select(ToKnownHost)];
        }, cancellationToken);

    // One pipelined read (host, account, current sessions), the writes, the login, then a read-back.
    // A device already logged in costs one more: its sessions end first so that the account's used time is final.
    private async Task<GuestStatus> AuthorizeCoreAsync(IRouterOsClient client, GuestAuthorization authorization, CancellationToken cancellationToken)
    {
        var mac = authorization.Device.Mac;
        var account = authorization.Account ?? "mac-" + mac.ToString().Replace(":", "", StringComparison.Ordinal);
        if (authorization.Budget.TimeLimit <= TimeSpan.Zero)
        {
            throw new ControllerException(ControllerError.LimitOutOfRange, "The time limit must be positive.", nameof(AccessBudget.TimeLimit));
        }

        var reads = await client.SendAllAsync(
            [HotspotCommands.HostOf(mac), HotspotCommands.FindUser(account), HotspotCommands.ActiveOf(mac)], cancellationToken);
        var host = reads[0].EnsureSuccess().Rows.Select(HotspotHost.From).FirstOrDefault(h => h.Address is not null)
            ?? throw new ControllerException(ControllerError.DeviceNotFound,
                $"Device {mac} is not on the hotspot network of router {router.Id}.", nameof(GuestDevice.Mac));
        var user = reads[1].EnsureSuccess().Rows.Select(HotspotUser.From).FirstOrDefault();
        var sessions = reads[2].EnsureSuccess().Rows.Select(r => r.Id).OfType<string>().ToList();

        if (user is not null && user.Comment != PortalComment)
        {
            // Only accounts this driver made are logged into: a voucher's, a purchase's or an operator's user has a
            // password of its own, and an authorization must never become that user.
            throw NotOurs(account);
        }

        if (sessions.Count > 0)
        {
            await client.RemoveAsync(MikrotikMenus.HotspotActive, sessions, cancellationToken);
            if (user is not null)
            {
                // Read again once the device's sessions have ended: their time is then in the user's uptime on every version.
                user = await client.FindHotspotUserAsync(account, cancellationToken);
            }
        }

        var password = user?.Password ?? NewPassword();
        if (user is null)
        {
            try
            {
                await client.AddHotspotUserAsync(new NewHotspotUser(account, password)
                {
                    LimitUptime = authorization.Budget.TimeLimit,
                    Comment = PortalComment,
                }, cancellationToken);
            }
            catch (RouterOsTrapException e) when (e.Kind == RouterOsErrorKind.DuplicateItem)
            {
                // A concurrent login of the same account created it first: log in with its password.
                user = await client.FindHotspotUserAsync(account, cancellationToken) ?? throw MikrotikFailures.Translate(router.Id, e);
                password = user.Comment == PortalComment ? user.Password ?? string.Empty : throw NotOurs(account);
            }
        }
        else
        {
            // The router counts limit-uptime over the user's whole life: this session gets the budget on top of what was used.
            await client.SetAsync(MikrotikMenus.HotspotUsers, user.Id,
                [new("limit-uptime", RouterOsDuration.Format(user.Uptime + authorization.Budget.TimeLimit))], cancellationToken);
        }

        try
        {
            await client.LoginHotspotDeviceAsync(account, password, host.Address!, mac, cancellationToken);
        }
        catch (RouterOsTrapException e)
        {
            throw MikrotikFailures.LoginRefused(router.Id, mac, e);
        }

        return await ReadStatusAsync(client, mac, cancellationToken)
            ?? throw new ControllerException(ControllerError.DeviceNotFound,
                $"Device {mac} was logged in on router {router.Id} but has left the hotspot network.", nameof(GuestDevice.Mac));
    }

    private async Task<GuestStatus?> ReadStatusAsync(IRouterOsClient client, MacAddress mac, CancellationToken cancellationToken)
    {
        var reads = await client.SendAllAsync([HotspotCommands.HostOf(mac), HotspotCommands.ActiveOf(mac)], cancellationToken);
        var host = reads[0].EnsureSuccess().Rows.Select(HotspotHost.From).FirstOrDefault();
        if (host is null)
        {
            return null;
        }

        var session = reads[1].EnsureSuccess().Rows.Select(HotspotActiveSession.From).FirstOrDefault();
        if (session is null)
        {
            return new GuestStatus(ToKnownHost(host) with { Authorized = false }, false, null, null, null, null);
        }

        var now = time.GetUtcNow();
        var started = now - session.Uptime;
        return new GuestStatus(
            ToKnownHost(host) with { Authorized = true, Name = session.User },
            true,
            started,
            session.SessionTimeLeft is { } left ? now + left : null,
            session.SessionTimeLeft is { } l ? new AccessBudget(session.Uptime + l) : null,
            new GuestUsage(session.Uptime, session.BytesOut, session.BytesIn));
    }

    private async Task<T> RunAsync<T>(Func<IRouterOsClient, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            var client = await clients.ForAsync(router, cancellationToken);
            return await operation(client);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw MikrotikFailures.Translate(router.Id, e);
        }
    }

    private static KnownHost ToKnownHost(HotspotHost host) =>
        new(MacAddress.Parse(host.MacAddress ?? ""), host.Id, null, host.Address, ConnectionKind.Unknown, !host.Bypassed, host.Authorized);

    private ControllerException NotOurs(string account) => new(ControllerError.GuestRejected,
        $"Hotspot user '{account}' on router {router.Id} was not created by a portal login; the device is not logged in as it.", nameof(GuestAuthorization.Account));

    // The guest never types it: it only lets our API log the device in as this account.
    private static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
