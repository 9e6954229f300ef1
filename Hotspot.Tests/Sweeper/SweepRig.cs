using System.Globalization;
using Hotspot.Mikrotik;
using Hotspot.Reconnect;
using Hotspot.RouterOs;
using Hotspot.Sweeper;
using Hotspot.Tests.RouterOs;
using Microsoft.Extensions.Time.Testing;

namespace Hotspot.Tests.Sweeper;

/// <summary>A simulated router with RANDMAC families whose clones have real uptime, and the sweep of it.</summary>
internal sealed class SweepRig : IAsyncDisposable
{
    public static readonly TimeSpan CloneIdle = TimeSpan.FromMinutes(1440);
    private static readonly CancellationToken None = CancellationToken.None;
    private int _devices;

    private SweepRig(RunningRouter router, RouterOsConnection client, FakeTimeProvider time)
    {
        Router = router;
        Client = client;
        Time = time;
        Sweep = new MikrotikSweep(time);
    }

    public RunningRouter Router { get; }

    public RouterOsConnection Client { get; private set; }

    public FakeTimeProvider Time { get; }

    public MikrotikSweep Sweep { get; }

    public static async Task<SweepRig> StartAsync()
    {
        var router = RunningRouter.Start();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        return new SweepRig(router, await router.ConnectAsync(), time);
    }

    public Task<SweepReport> SweepAsync() => Sweep.SweepAsync(Client, 1, CloneIdle, None);

    /// <summary>A fresh connection, as the pool would open after a router dropped the last one.</summary>
    public async Task ReconnectAsync() => Client = await Router.ConnectAsync();

    public void Advance(TimeSpan by)
    {
        Router.Simulator.Clock.Advance(by);
        Time.Advance(by);
    }

    /// <summary>A user that has been online for <paramref name="used"/> (a real session on the simulator, then logged out).</summary>
    public async Task<string> AddUserAsync(string name, TimeSpan used, string? comment = null, TimeSpan? limit = null, bool keepOnline = false)
    {
        var id = await Client.AddHotspotUserAsync(new NewHotspotUser(name, "pw") { Comment = comment, LimitUptime = limit }, None);
        if (used > TimeSpan.Zero || keepOnline)
        {
            var n = Interlocked.Increment(ref _devices);
            var mac = string.Create(CultureInfo.InvariantCulture, $"02:00:00:00:00:{n:X2}");
            var ip = string.Create(CultureInfo.InvariantCulture, $"10.5.50.{n}");
            Router.State.AddHost(mac, ip);
            await Client.LoginHotspotDeviceAsync(name, "pw", ip, mac, None);
            Router.Simulator.Clock.Advance(used);
            if (!keepOnline)
            {
                Router.State.RemoveHost(mac);
            }
        }

        return id;
    }

    public async Task<IReadOnlyList<HotspotUser>> UsersAsync() => await Client.GetHotspotUsersAsync(null, None);

    /// <summary>TA plus every member's closed and live sessions: the family's total, as the router counts it.</summary>
    public async Task<long> FamilyTotalAsync(string baseName)
    {
        var users = (await UsersAsync()).Where(u => RandmacNames.BaseOf(u.Name) == baseName).ToList();
        var baseUser = users.SingleOrDefault(u => u.Name == baseName);
        if (baseUser is null)
        {
            return -1;
        }

        var live = (await Client.GetHotspotActiveAsync(null, None)).Where(s => users.Any(u => u.Name == s.User)).Sum(s => (long)s.Uptime.TotalSeconds);
        return RandmacMarkers.Parse(baseUser.Comment)!.TimeAccumulatedSeconds + users.Sum(u => (long)u.Uptime.TotalSeconds) + live;
    }

    public static string Randmac(long bought, long accumulated, DateTimeOffset? lastSeen = null) =>
        new RandmacMarkers(bought, accumulated, lastSeen, "").ToComment();

    public ValueTask DisposeAsync() => Router.DisposeAsync();
}
