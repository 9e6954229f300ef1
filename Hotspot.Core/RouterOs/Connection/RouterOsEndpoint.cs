using System.Globalization;

namespace Hotspot.RouterOs;

/// <summary>Where a router's API listens and how to talk to it. The password is not here: it comes from the secret store.</summary>
public sealed record RouterOsEndpoint(long RouterId, string Host, int Port, string User)
{
    public const int ApiPort = 8728;
    public const int ApiSslPort = 8729;

    /// <summary>Null for plain TCP; set for API-SSL.</summary>
    public RouterOsTlsOptions? Tls { get; init; }

    /// <summary>Changes when the stored password changes: connections logged in with an older one are not reused.</summary>
    public int CredentialRevision { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long any command (login included) may wait for its reply; there is no infinite wait.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public string Name => string.Create(CultureInfo.InvariantCulture, $"router {RouterId} ({Host}:{Port})");
}

/// <summary>
/// API-SSL: the certificate is validated against the machine's trust store unless a SHA-256 pin is given (then the pin alone
/// decides, which suits a router's self-signed certificate), or <see cref="AcceptAnyCertificate"/> is set for a lab.
/// </summary>
public sealed record RouterOsTlsOptions
{
    /// <summary>The name expected in the certificate; the endpoint's host when null.</summary>
    public string? TargetHost { get; init; }

    /// <summary>SHA-256 of the DER certificate, hexadecimal, colons and case ignored.</summary>
    public string? PinnedSha256 { get; init; }

    /// <summary>Lab use only: no validation at all.</summary>
    public bool AcceptAnyCertificate { get; init; }
}
