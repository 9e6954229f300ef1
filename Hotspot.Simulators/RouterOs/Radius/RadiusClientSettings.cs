using System.Net;

namespace Hotspot.Simulators.RouterOs.Radius;

/// <summary>
/// The router's <c>/radius</c> entry for the hotspot service and the hotspot profile's RADIUS settings, as far as the
/// simulator needs them. <see cref="RequireMessageAuthenticator"/> null follows the version: RouterOS 7.15+ defaults to
/// <c>require-message-auth=yes-for-request-resp</c>, older ones never check.
/// </summary>
public sealed record RadiusClientSettings
{
    public required IPAddress Address { get; init; }

    public required string Secret { get; init; }

    public int AuthenticationPort { get; init; } = 1812;

    public int AccountingPort { get; init; } = 1813;

    /// <summary>How long the router waits for an answer before it sends the request again (RouterOS default 1100 ms).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(1100);

    /// <summary>Sends of one request before it counts as a timeout (the first and the resends; RouterOS's count is unverified).</summary>
    public int Attempts { get; init; } = 3;

    public bool? RequireMessageAuthenticator { get; init; }

    /// <summary>
    /// Whether each session sends its Interim-Update on its own every Acct-Interim-Interval of real time, as a router
    /// does (the command line); tests leave it off and send them with <see cref="HotspotRadiusClient.SendInterimUpdates"/>.
    /// </summary>
    public bool TimedInterimUpdates { get; init; }

    /// <summary>The hotspot profile's <c>radius-mac-format</c>; MikroTik's default is upper case with colons.</summary>
    public string MacFormat { get; init; } = "XX:XX:XX:XX:XX:XX";

    /// <summary>Called-Station-Id: the name of the hotspot server.</summary>
    public string HotspotServer { get; init; } = "hotspot1";

    /// <summary>NAS-IP-Address: the router's own address, private behind NAT.</summary>
    public IPAddress NasAddress { get; init; } = IPAddress.Parse("192.168.88.1");
}
