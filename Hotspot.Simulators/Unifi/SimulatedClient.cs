namespace Hotspot.Simulators.Unifi;

/// <summary>A connected device. Mutable; always used under the state's lock.</summary>
internal sealed class SimulatedClient
{
    public required string Id { get; init; }
    public required string SiteId { get; init; }
    public required string MacAddress { get; init; }
    public required string Type { get; init; }
    public required string Name { get; init; }
    public required string IpAddress { get; init; }
    public required DateTimeOffset ConnectedAt { get; init; }
    public required bool IsGuest { get; init; }
    public string UplinkDeviceId { get; init; } = Guid.NewGuid().ToString();
    public SimulatedAuthorization? Authorization { get; set; }
    public long RxBytes { get; set; }
    public long TxBytes { get; set; }
}

/// <summary>
/// A granted authorization. <see cref="AppliedAt"/> later than <see cref="AuthorizedAt"/> models an access point
/// that has not applied it yet: the API reports the client unauthorized until then.
/// </summary>
internal sealed record SimulatedAuthorization(
    DateTimeOffset AuthorizedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset AppliedAt,
    long? DataUsageLimitMBytes,
    int? RxRateLimitKbps,
    int? TxRateLimitKbps);
