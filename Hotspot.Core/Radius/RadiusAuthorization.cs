using Hotspot.Sales.Provisioning;
using Microsoft.Extensions.Logging;

namespace Hotspot.Radius;

/// <summary>
/// An Access-Request's answer: the purchase's password and what it has left, or a refusal with a reason. Decided
/// from our tables at every request, so a refund or spent time counts at the next login.
/// </summary>
public sealed class RadiusAuthorization(RadiusRouters routers, RadiusStore store, PurchaseCredentials credentials, ILogger<RadiusAuthorization> logger)
{
    private const long BytesPerMegabyte = 1024 * 1024;

    public async Task<RadiusDecision> AuthorizeAsync(RadiusAttributes request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var router = await routers.IdentifyAsync(request.Text("NAS-Identifier"), cancellationToken);
        if (router is null)
        {
            logger.LogWarning("RADIUS Access-Request from an unknown or unproven NAS-Identifier refused");
            return RadiusDecision.Reject(RadiusPolicy.Unknown);
        }

        var usuario = request.Text("User-Name");
        if (!RadiusRouters.IsKeySafe(usuario) || await store.EntitlementAsync(router.Id, usuario!, cancellationToken) is not { } entitlement)
        {
            return RadiusDecision.Reject(RadiusPolicy.Unknown);
        }

        if (entitlement.Revoked)
        {
            return RadiusDecision.Reject(RadiusPolicy.Revoked);
        }

        var (seconds, bytes) = await store.UsageAsync(router.Id, usuario!, cancellationToken);
        var left = TimeSpan.FromSeconds(entitlement.TiempoSegundos - seconds);
        if (left < RadiusPolicy.MinimumGrant)
        {
            return RadiusDecision.Reject(RadiusPolicy.NothingLeft);
        }

        long? bytesLeft = entitlement.LimiteMb is { } mb ? mb * BytesPerMegabyte - bytes : null;
        if (bytesLeft <= 0)
        {
            return RadiusDecision.Reject(RadiusPolicy.DataSpent);
        }

        var password = await credentials.PasswordAsync(entitlement.CompraId, usuario!, cancellationToken);
        var timeout = left < RadiusPolicy.MaxSessionTimeout ? left : RadiusPolicy.MaxSessionTimeout;
        return RadiusDecision.Accept(password, timeout, RateLimit(entitlement), entitlement.PerfilMikrotikNombre, bytesLeft);
    }

    /// <summary>Mikrotik-Rate-Limit is rx/tx from the router's side: rx = the guest's upload, tx = its download; 0 = unlimited.</summary>
    private static string? RateLimit(RadiusEntitlementEntity entitlement) =>
        entitlement.LimiteSubidaKbps is null && entitlement.LimiteBajadaKbps is null
            ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{entitlement.LimiteSubidaKbps ?? 0}k/{entitlement.LimiteBajadaKbps ?? 0}k");
}
