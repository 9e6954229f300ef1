using System.Net;

namespace Hotspot.MikrotikPortal;

/// <summary>Where the routers' <c>/radius</c> entry points: the deployment's FreeRADIUS, by the stable IP the infra gives it.</summary>
public sealed class RadiusSetupOptions
{
    public const string Section = "Hotspot:Radius";

    /// <summary>An IPv4 or IPv6 address (a MikroTik <c>/radius</c> entry takes no host name); empty: the script carries a placeholder.</summary>
    public string? ServerAddress { get; set; }

    public IPAddress? ServerIp => IPAddress.TryParse(ServerAddress, out var ip) ? ip : null;

    public bool IsValid => string.IsNullOrWhiteSpace(ServerAddress) || ServerIp is not null;
}
