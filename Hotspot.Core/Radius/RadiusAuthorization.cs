using Hotspot.Drivers;
using Hotspot.Sales.Provisioning;
using Microsoft.Extensions.Logging;

namespace Hotspot.Radius;

/// <summary>
/// An Access-Request's answer: the password FreeRADIUS checks and what the family has left, or a refusal with a
/// reason. Decided from our tables at every request (a refund or spent time counts at the next login), and the grant
/// is written to the family's row with its ETag, so two devices of one family asking at once on any instances cannot
/// both take the time (<see cref="RadiusFamily"/>).
/// </summary>
public sealed class RadiusAuthorization(
    RadiusRouters routers, RadiusStore store, RadiusDeviceLogins deviceLogins, RadiusVouchers vouchers, PurchaseCredentials credentials, TimeProvider clock,
    ILogger<RadiusAuthorization> logger)
{
    private const long BytesPerMegabyte = 1024 * 1024;
    private const int Attempts = 8;

    public async Task<RadiusDecision> AuthorizeAsync(RadiusAttributes request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var router = await routers.IdentifyAsync(request.Text("NAS-Identifier"), cancellationToken);
        if (router is null)
        {
            logger.LogWarning("RADIUS Access-Request from an unknown or unproven NAS-Identifier refused");
            return RadiusDecision.Reject(RadiusPolicy.Unknown);
        }

        var name = request.Text("User-Name");
        if (!RadiusRouters.IsKeySafe(name))
        {
            return RadiusDecision.Reject(RadiusPolicy.Unknown);
        }

        var mac = DeviceOf(request);
        var login = await deviceLogins.FindAsync(router.Id, name!, cancellationToken);
        if (login is not null && login.Mac != mac)
        {
            // A device login is good only on the device it was issued to.
            return RadiusDecision.Reject(RadiusPolicy.Unknown);
        }

        if (login is null && await store.EntitlementAsync(router.Id, name!, cancellationToken) is null)
        {
            return await vouchers.FindAsync(router.Id, name!, cancellationToken) is { } voucher
                ? await vouchers.AuthorizeAsync(router, voucher, request, cancellationToken)
                : RadiusDecision.Reject(RadiusPolicy.Unknown);
        }

        var usuario = login?.Usuario ?? name!;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (await store.EntitlementAsync(router.Id, usuario, cancellationToken) is not { } family)
            {
                return RadiusDecision.Reject(RadiusPolicy.Unknown);
            }

            if (family.Revoked)
            {
                return RadiusDecision.Reject(RadiusPolicy.Revoked);
            }

            var now = clock.GetUtcNow();
            var sessions = await store.SessionsAsync(router.Id, usuario, cancellationToken);
            var (seconds, bytes) = RadiusStore.Usage(sessions);
            if (TimeSpan.FromSeconds(family.TiempoSegundos - seconds) < RadiusPolicy.MinimumGrant)
            {
                return RadiusDecision.Reject(RadiusPolicy.NothingLeft);
            }

            long? bytesLeft = family.LimiteMb is { } mb ? mb * BytesPerMegabyte - bytes : null;
            if (bytesLeft <= 0)
            {
                return RadiusDecision.Reject(RadiusPolicy.DataSpent);
            }

            if (RadiusFamily.Refusal(family, sessions, mac, login, now) is { } refusal)
            {
                return RadiusDecision.Reject(refusal);
            }

            var left = RadiusFamily.Left(family, seconds, mac, sessions, now);
            if (left < RadiusPolicy.MinimumGrant)
            {
                // What is left is still reserved for a device taken over a moment ago; it frees up when that grant ends.
                return RadiusDecision.Reject(RadiusPolicy.OtherDevice);
            }

            var timeout = TimeSpan.FromSeconds(Math.Floor((left < RadiusPolicy.MaxSessionTimeout ? left : RadiusPolicy.MaxSessionTimeout).TotalSeconds));
            RadiusFamily.Grant(family, sessions, mac, timeout, now);
            if (!await store.TryWriteFamilyAsync(family, cancellationToken))
            {
                // Another request of the family (another device, or this one retransmitted) was granted meanwhile.
                continue;
            }

            var password = login is null
                ? await credentials.PasswordAsync(family.CompraId, usuario, cancellationToken)
                : await deviceLogins.PasswordAsync(login, cancellationToken);
            return RadiusDecision.Accept(password, timeout, RateLimit(family), family.PerfilMikrotikNombre, bytesLeft);
        }

        return RadiusDecision.Reject(RadiusPolicy.OtherDevice);
    }

    /// <summary>The device: Calling-Station-Id in any of RouterOS's MAC formats, as upper case with colons; "" when absent.</summary>
    public static string DeviceOf(RadiusAttributes request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // XX:XX:XX:XX:XX:XX, XXXX:XXXX:XXXX, XXXXXX-XXXXXX, XX XX XX XX XX XX... (the profile's radius-mac-format).
        var text = request.Text("Calling-Station-Id") is { } sent ? new string([.. sent.Where(char.IsAsciiHexDigit)]) : null;
        return MacAddress.TryParse(text, out var mac) ? mac.ToUpperString() : "";
    }

    /// <summary>Mikrotik-Rate-Limit is rx/tx from the router's side: rx = the guest's upload, tx = its download; 0 = unlimited.</summary>
    private static string? RateLimit(RadiusEntitlementEntity entitlement) =>
        entitlement.LimiteSubidaKbps is null && entitlement.LimiteBajadaKbps is null
            ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{entitlement.LimiteSubidaKbps ?? 0}k/{entitlement.LimiteBajadaKbps ?? 0}k");
}
