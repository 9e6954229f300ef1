namespace Hotspot.Drivers;

/// <summary>
/// What the portal flows need from one router, whatever its kind (UniFi Integration API, MikroTik RouterOS...).
/// Nothing above this interface knows which kind it talks to. Every method throws <see cref="ControllerException"/>
/// for failures a caller can act on, and honours its cancellation token.
/// </summary>
public interface IGuestAccessController
{
    /// <summary>Checks reachability, TLS and credentials with a harmless read.</summary>
    Task<ControllerInfo> TestConnectionAsync(CancellationToken cancellationToken);

    /// <summary>The connected device with this MAC on the device's site, or null when the controller does not see it.</summary>
    Task<KnownHost?> FindDeviceAsync(GuestDevice device, CancellationToken cancellationToken);

    /// <summary>
    /// Grants the budget to the device (replacing any authorization it had, which resets its counters), then reads the
    /// device back and returns its status as the controller states it. Not retried: the caller decides.
    /// </summary>
    Task<GuestStatus> AuthorizeAsync(GuestAuthorization authorization, CancellationToken cancellationToken);

    /// <summary>The device's current access, or null when the controller does not see it connected.</summary>
    Task<GuestStatus?> GetStatusAsync(GuestDevice device, CancellationToken cancellationToken);

    /// <summary>Revokes the device's access (UniFi also disconnects it). False when it was not connected or not authorized.</summary>
    Task<bool> DeauthorizeAsync(GuestDevice device, CancellationToken cancellationToken);

    /// <summary>Guests currently authorized on the site (null: the router's default site).</summary>
    Task<IReadOnlyList<KnownHost>> ListActiveGuestsAsync(string? site, CancellationToken cancellationToken);

    /// <summary>Every device the controller currently sees on the site (null: the router's default site).</summary>
    Task<IReadOnlyList<KnownHost>> ListKnownHostsAsync(string? site, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> authorized sessions with what the controller reports of their use. Controllers
    /// whose lists carry no usage answer with the guests alone.
    /// </summary>
    async Task<IReadOnlyList<GuestSession>> ListSessionsAsync(string? site, int max, CancellationToken cancellationToken) =>
        [.. (await ListActiveGuestsAsync(site, cancellationToken)).Take(max).Select(h => new GuestSession(h, h.Name, null, null, null, null))];
}

/// <summary>An authorized session: the device, the account it is charged to, and its use where reported (download = to the guest).</summary>
public sealed record GuestSession(KnownHost Host, string? Account, TimeSpan? Uptime, TimeSpan? IdleTime, long? DownloadBytes, long? UploadBytes);
