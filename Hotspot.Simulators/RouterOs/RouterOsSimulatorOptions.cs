using System.Net;

namespace Hotspot.Simulators.RouterOs;

/// <summary>How the simulated router presents itself. Port 0 picks a free port; a null TLS port means no API-SSL.</summary>
public sealed record RouterOsSimulatorOptions
{
    public string Version { get; init; } = "7.14.3 (stable)";

    public string User { get; init; } = "admin";

    public string Password { get; init; } = string.Empty;

    /// <summary>False: the user lacks the <c>api</c> policy and every login is refused with <c>not enough permissions (9)</c>.</summary>
    public bool ApiPolicy { get; init; } = true;

    public string Identity { get; init; } = "MikroTik";

    public IPAddress Address { get; init; } = IPAddress.Loopback;

    public int ApiPort { get; init; }

    public int? TlsPort { get; init; }

    public int LatencyMs { get; init; }

    public SimulatorClock Clock { get; init; } = new();

    /// <summary>What a login for a device that already has a session does (unverified on a real router: refused by default).</summary>
    public SecondLogin SecondLoginOnDevice { get; init; } = SecondLogin.Refuse;

    /// <summary>The <c>/radius</c> entry the hotspot uses (<c>use-radius=yes</c>); null: local users only.</summary>
    public Radius.RadiusClientSettings? Radius { get; init; }
}
