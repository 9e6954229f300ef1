using System.Net;

namespace Hotspot.Simulators.RouterOs.Gateway;

/// <summary>How the simulated hotspot serves its pages. Port 0 picks a free port.</summary>
public sealed record HotspotGatewayOptions
{
    /// <summary>The hotspot's HTML directory (RouterOS's <c>html-override-directory</c>): login.html, alogin.html, …</summary>
    public required string PortalDirectory { get; init; }

    public int Port { get; init; }

    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The hotspot's DNS name (the server profile's <c>dns-name</c>): links use it when a browser comes through the gateway as a proxy.</summary>
    public string DnsName { get; init; } = "hotspot.test";

    /// <summary>Whether login pages offer CHAP (<c>$(chap-id)</c>, <c>$(chap-challenge)</c>); PAP is accepted either way.</summary>
    public bool Chap { get; init; } = true;
}
