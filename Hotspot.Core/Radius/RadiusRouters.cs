using System.Security.Cryptography;
using System.Text;
using Hotspot.Secrets;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Radius;

/// <summary>
/// Which router sent a RADIUS request: the one its NAS-Identifier names, if the token in it is that router's
/// (constant-time compare) and the router and its company are active. Anything else is no router.
/// </summary>
public sealed class RadiusRouters(RouterStore routers, TenancyCache tenancy, ISecretStore secrets)
{
    public async Task<RouterEntity?> IdentifyAsync(string? nasIdentifier, CancellationToken cancellationToken)
    {
        if (!RadiusIdentity.TryParse(nasIdentifier, out var identity)
            || await routers.GetAsync(identity.RouterId, cancellationToken) is not { Activo: true } router
            || !RouterConnections.IsRadius(router)
            || await RouterStore.ReadSecretAsync(secrets, router, cancellationToken) is not { } token
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(identity.Token)))
        {
            return null;
        }

        return await tenancy.EmpresaAsync(router.EmpresaId, cancellationToken) is { Activa: true } ? router : null;
    }

    /// <summary>User names and session ids become table keys: only the characters purchases and RouterOS use.</summary>
    public static bool IsKeySafe(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':');
}
