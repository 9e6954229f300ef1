using Hotspot.Drivers;
using Hotspot.ExternalPortal;
using Hotspot.Tenancy.Entities;
using Hotspot.Vouchers;

namespace Hotspot.Radius;

/// <summary>
/// Seed 002 vouchers on a RADIUS router: they live in our tables only (the router has no users), so an Access-Request
/// naming one is answered from its record with the same rules as on the UniFi portal (<see cref="VoucherRedemption"/>:
/// guesses throttled, not valid before <c>valid_from</c>, expired <c>valid_for</c> after its start). A right code's
/// login is recorded (the first one starts its clock); the grant lasts until the voucher expires, at most
/// <see cref="RadiusPolicy.MaxSessionTimeout"/>, with its data limits less what its sessions used.
/// </summary>
public sealed class RadiusVouchers(VoucherStore vouchers, VoucherRedemption redemption, RadiusStore store, TimeProvider time)
{
    private const long BytesPerMegabyte = 1024 * 1024;

    public const string NotYetValid = "Esta ficha todavía no es válida.";
    public const string Expired = "Esta ficha ya venció.";
    public const string Throttled = "Demasiados intentos con esta ficha; espera unos minutos.";
    public const string Spent = "Los datos de esta ficha se agotaron.";

    public Task<VoucherEntity?> FindAsync(long routerId, string username, CancellationToken cancellationToken) =>
        vouchers.GetAsync(routerId, username, cancellationToken);

    public async Task<RadiusDecision> AuthorizeAsync(RouterEntity router, VoucherEntity voucher, RadiusAttributes request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(voucher);
        // VoucherRedemption compares codes (and counts the guess); CHAP never shows the code, so it gets the voucher's own
        // code when the request proved it and one no voucher has otherwise.
        var given = RadiusCredentialCheck.Proves(request, voucher.Passcode) ? voucher.Passcode : "\u0000";
        _ = MacAddress.TryParse(RadiusAuthorization.DeviceOf(request), out var device);
        var address = "radius:" + (request.Text("Framed-IP-Address") ?? device.ToString());
        var (grant, refusal) = await redemption.CheckAsync(router.Id, voucher.Username, given, device, address, cancellationToken);
        if (grant is null)
        {
            return RadiusDecision.Reject(refusal switch
            {
                VoucherRefusal.NotYetValid => NotYetValid,
                VoucherRefusal.Expired => Expired,
                VoucherRefusal.Throttled => Throttled,
                _ => RadiusPolicy.Unknown,
            });
        }

        var sessions = await store.SessionsAsync(router.Id, voucher.Username, cancellationToken);
        long? upload = voucher.UploadLimitMb > 0 ? voucher.UploadLimitMb * BytesPerMegabyte - sessions.Sum(s => s.InputBytes) : null;
        long? download = voucher.DownloadLimitMb > 0 ? voucher.DownloadLimitMb * BytesPerMegabyte - sessions.Sum(s => s.OutputBytes) : null;
        if (upload <= 0 || download <= 0)
        {
            return RadiusDecision.Reject(Spent);
        }

        await redemption.RecordLoginAsync(grant, device, cancellationToken);
        var now = time.GetUtcNow();
        var left = VoucherValidity.ExpiresIfUsedAt(grant.Voucher, now) is { } until ? until - now : RadiusPolicy.MaxSessionTimeout;
        var timeout = TimeSpan.FromSeconds(Math.Floor((left < RadiusPolicy.MaxSessionTimeout ? left : RadiusPolicy.MaxSessionTimeout).TotalSeconds));
        if (timeout < TimeSpan.FromSeconds(1))
        {
            return RadiusDecision.Reject(Expired);
        }

        return RadiusDecision.Accept(voucher.Passcode, timeout, null, null, null).WithDirectionLimits(upload, download);
    }
}
