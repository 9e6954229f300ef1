using Microsoft.Extensions.Logging;

namespace Hotspot.Radius;

/// <summary>
/// Accounting-Requests folded into the session they report (<see cref="RadiusStore.FoldAsync"/>), in the family of
/// the purchase they belong to (a device login's sessions count in its purchase's time), or of the voucher. A request that names no
/// proven router, no entitlement or no usable session id is acknowledged and writes nothing.
/// </summary>
public sealed class RadiusAccounting(
    RadiusRouters routers, RadiusStore store, RadiusDeviceLogins deviceLogins, RadiusVouchers vouchers, TimeProvider clock, ILogger<RadiusAccounting> logger)
{
    public async Task RecordAsync(RadiusAttributes request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = request.Text("Acct-Status-Type");
        if (status is not ("Start" or "Interim-Update" or "Stop"))
        {
            return;
        }

        var router = await routers.IdentifyAsync(request.Text("NAS-Identifier"), cancellationToken);
        var name = request.Text("User-Name");
        var sessionId = request.Text("Acct-Session-Id");
        if (router is null || !RadiusRouters.IsKeySafe(name) || !RadiusRouters.IsKeySafe(sessionId))
        {
            logger.LogWarning("RADIUS accounting from an unknown router or with an unusable user or session id ignored");
            return;
        }

        var usuario = (await deviceLogins.FindAsync(router.Id, name!, cancellationToken))?.Usuario ?? name!;
        if (await store.EntitlementAsync(router.Id, usuario, cancellationToken) is null && await vouchers.FindAsync(router.Id, usuario, cancellationToken) is null)
        {
            return;
        }

        var report = new AccountingReport(
            request.Number("Acct-Session-Time"),
            request.Octets("Acct-Input-Octets", "Acct-Input-Gigawords"),
            request.Octets("Acct-Output-Octets", "Acct-Output-Gigawords"),
            Stop: status == "Stop",
            Mac: RadiusAuthorization.DeviceOf(request));
        await store.FoldAsync(router.Id, usuario, sessionId!, report, clock.GetUtcNow(), cancellationToken);
    }
}
