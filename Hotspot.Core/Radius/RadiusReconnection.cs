using System.Globalization;
using Hotspot.Reconnect;
using Hotspot.Sales.Provisioning;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Radius;

/// <summary>
/// Seed 000's auto-reconnect on a RADIUS router. Nothing can log a device in from the cloud there, so once the stored
/// credentials are checked against our tables the answer is <c>estado: activo</c>, <c>auto_conexion: no_conectado</c>
/// (no login was attempted, to the seed's letter), and <c>datos_sesion</c> carries a device login, <c>name</c>
/// (<c>&lt;user&gt;_RANDMAC&lt;n&gt;</c>) and <c>password</c>, good only from <c>current_mac</c> (the router's
/// Calling-Station-Id), that the portal submits through the router's own login form. The purchase's password is never
/// in the answer, and a MAC alone gets nothing: the caller must know the purchase's password. The device login takes
/// the time over from the device holding it (<see cref="RadiusFamily"/>) if used within
/// <see cref="RadiusPolicy.TakeoverLoginLifetime"/>.
/// </summary>
public sealed class RadiusReconnection(RadiusStore store, RadiusDeviceLogins deviceLogins, PurchaseCredentials credentials, TimeProvider time)
{
    private const long BytesPerMegabyte = 1024 * 1024;
    private const int Attempts = 8;

    public async Task<AutoReconnectResponse> ReconnectAsync(RouterEntity router, ReconnectInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(input);
        var usuario = RandmacNames.BaseOf(input.Username);
        if (!RadiusRouters.IsKeySafe(input.Username) || await store.EntitlementAsync(router.Id, usuario, cancellationToken) is not { } family)
        {
            return Expired(input, Messages.UserNotFound);
        }

        if (!await PasswordMatchesAsync(router, family, input, cancellationToken))
        {
            return Expired(input, Messages.InvalidCredentials);
        }

        if (family.Revoked)
        {
            return Expired(input, RadiusPolicy.Revoked);
        }

        var (seconds, bytes) = await store.UsageAsync(router.Id, usuario, cancellationToken);
        var left = TimeSpan.FromSeconds(Math.Max(0, family.TiempoSegundos - seconds));
        if (left < RadiusPolicy.MinimumGrant)
        {
            return Expired(input, Messages.TimeExhausted);
        }

        if (family.LimiteMb is { } mb && mb * BytesPerMegabyte - bytes <= 0)
        {
            return Expired(input, RadiusPolicy.DataSpent);
        }

        var mac = input.CurrentMac.ToUpperString();
        var login = await IssueAsync(router.Id, usuario, mac, cancellationToken);
        var now = time.GetUtcNow();
        var datos = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = login.RowKey,
            ["password"] = await deviceLogins.PasswordAsync(login, cancellationToken),
            ["mac-address"] = mac,
            ["profile"] = family.PerfilMikrotikNombre ?? "",
            ["login-by"] = "radius",
            ["valid-for"] = ((long)RadiusPolicy.TakeoverLoginLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        };
        return new AutoReconnectResponse(
            true, Estados.Activo, AutoConexion.NoConectado, datos, mac, UptimeText.Format(TimeSpan.FromSeconds(seconds)), UptimeText.Format(left),
            family.FirstLoginAt is { } first ? AutoReconnectResponse.FormatTimestamp(first) : null, RadiusPolicy.LoginOnRouter, null,
            AutoReconnectResponse.FormatTimestamp(now));
    }

    /// <summary>The next device login of the family: its number taken with an ETag-checked write of the family's row.</summary>
    private async Task<RadiusDeviceLoginEntity> IssueAsync(long routerId, string usuario, string mac, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var family = await store.EntitlementAsync(routerId, usuario, cancellationToken)
                ?? throw new StoreContendedException($"RADIUS entitlement {usuario}");
            family.DeviceLogins++;
            if (await store.TryWriteFamilyAsync(family, cancellationToken))
            {
                return await deviceLogins.AddAsync(routerId, usuario, family.DeviceLogins, mac, time.GetUtcNow(), cancellationToken);
            }
        }

        throw new StoreContendedException($"RADIUS entitlement {usuario}");
    }

    /// <summary>The purchase's password for its user name; a device login's own for a device login's name (seed 000 allows either).</summary>
    private async Task<bool> PasswordMatchesAsync(RouterEntity router, RadiusEntitlementEntity family, ReconnectInput input, CancellationToken cancellationToken)
    {
        string? expected;
        if (input.Username == family.RowKey)
        {
            expected = await credentials.PasswordAsync(family.CompraId, family.RowKey, cancellationToken);
        }
        else
        {
            var login = await deviceLogins.FindAsync(router.Id, input.Username, cancellationToken);
            expected = login?.Usuario == family.RowKey ? await deviceLogins.PasswordAsync(login, cancellationToken) : null;
        }

        return expected is not null
            && Auth.ConstantTime.TextEquals(expected, input.Password);
    }

    private AutoReconnectResponse Expired(ReconnectInput input, string mensaje) =>
        AutoReconnectResponse.NotConnected(Estados.Expirado, input.CurrentMac, mensaje, time.GetUtcNow());
}
