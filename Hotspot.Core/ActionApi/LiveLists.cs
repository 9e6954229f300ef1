using System.Globalization;
using Hotspot.Drivers;
using Hotspot.RouterOs;

namespace Hotspot.ActionApi;

/// <summary>Seed 002's live lists through the controller interface; <c>get_active_guests</c> in the seed's exact shape.</summary>
internal static class LiveLists
{
    public static async Task<IReadOnlyList<Dictionary<string, string>>> ActiveAsync(IGuestAccessController controller, int limit, int offset, CancellationToken cancellationToken)
    {
        var sessions = await controller.ListSessionsAsync(null, offset + limit, cancellationToken);
        return [.. sessions.Skip(offset).Select(s => new Dictionary<string, string>
        {
            ["logins"] = s.Account ?? s.Host.Mac.ToString(),
            ["address"] = s.Host.IpAddress ?? "",
            ["mac-address"] = s.Host.Mac.ToUpperString(),
            ["uptime"] = RouterOsDuration.Format(s.Uptime ?? TimeSpan.Zero),
            ["idle-time"] = RouterOsDuration.Format(s.IdleTime ?? TimeSpan.Zero),
            ["bytes-out"] = (s.DownloadBytes ?? 0).ToString(CultureInfo.InvariantCulture),
            ["bytes-in"] = (s.UploadBytes ?? 0).ToString(CultureInfo.InvariantCulture),
        })];
    }

    public static async Task<IReadOnlyList<Dictionary<string, string>>> HostsAsync(IGuestAccessController controller, int limit, int offset, CancellationToken cancellationToken)
    {
        var hosts = await controller.ListKnownHostsAsync(null, cancellationToken);
        return [.. hosts.Skip(offset).Take(limit).Select(h => new Dictionary<string, string>
        {
            ["mac-address"] = h.Mac.ToUpperString(),
            ["address"] = h.IpAddress ?? "",
            ["authorized"] = h.Authorized ? "true" : "false",
            ["guest"] = h.IsGuest ? "true" : "false",
        })];
    }
}
