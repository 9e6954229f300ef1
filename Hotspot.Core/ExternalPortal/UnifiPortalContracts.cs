using Hotspot.Drivers;

namespace Hotspot.ExternalPortal;

/// <summary>Body of <c>POST /api/v1/unifi/authorize</c>: rx is download (to the guest), tx upload.</summary>
public sealed record UnifiAuthorizeRequest(string? Site, string? Mac, string? ApMac, int? Minutes, long? DataMb, int? RxKbps, int? TxKbps);

/// <summary>Body of <c>POST /api/v1/unifi/unauthorize</c>.</summary>
public sealed record UnifiUnauthorizeRequest(string? Site, string? Mac);

public sealed record UnifiUnauthorizeResponse(string Mac, bool Revoked);

/// <summary>A guest's access as the controller reported it when read back; nothing here is inferred from the request.</summary>
public sealed record UnifiGuestResponse(
    string Mac,
    string ClientId,
    string Site,
    string Tipo,
    bool Authorized,
    DateTimeOffset? AuthorizedAt,
    DateTimeOffset? ExpiresAt,
    long? DataMb,
    int? RxKbps,
    int? TxKbps,
    UnifiUsageResponse? Usage)
{
    public static UnifiGuestResponse From(GuestStatus status, string site) => new(
        status.Host.Mac.ToString(),
        status.Host.DeviceId,
        site,
        status.Host.Connection switch
        {
            ConnectionKind.Wired => "wired",
            ConnectionKind.Wireless => "wireless",
            ConnectionKind.Vpn => "vpn",
            _ => "unknown",
        },
        status.Authorized,
        status.AuthorizedAt,
        status.ExpiresAt,
        status.Limits?.DataLimitMBytes,
        status.Limits?.DownloadKbps,
        status.Limits?.UploadKbps,
        status.Usage is { } u ? new UnifiUsageResponse((long?)u.Duration?.TotalSeconds, u.DownloadBytes, u.UploadBytes) : null);
}

public sealed record UnifiUsageResponse(long? DurationSec, long? RxBytes, long? TxBytes);
