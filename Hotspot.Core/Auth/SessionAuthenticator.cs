using Hotspot.Http;
using Hotspot.Tenancy;

namespace Hotspot.Auth;

/// <summary>
/// Admin sessions: <c>Authorization: Bearer &lt;session token&gt;</c>. A router API key (<c>jwt_...</c>) is never a
/// session. The user must still exist and be active (checked against a cache of at most 30 s).
/// </summary>
public sealed class SessionAuthenticator(SessionTokens tokens, TenancyCache tenancy)
{
    /// <summary>The principal, or the answer to give instead (401/403).</summary>
    public async Task<(AdminPrincipal? Principal, IResult? Error)> AuthenticateAsync(HttpContext context, HotspotRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        var kind = route.Auth;
        var token = BearerToken(context.Request);
        if (token is null || token.StartsWith(ApiKeyTokens.Prefix, StringComparison.Ordinal))
        {
            return (null, Problems.Unauthorized("Falta un token de sesión válido (Authorization: Bearer <token>)."));
        }

        var claims = await tokens.ValidateAsync(token, cancellationToken);
        if (claims is null)
        {
            return (null, Problems.Unauthorized("Token de sesión inválido o expirado."));
        }

        var user = await tenancy.UsuarioAsync(claims.UserId, cancellationToken);
        if (user is null || !user.Activo)
        {
            return (null, Problems.Unauthorized("El usuario no existe o está desactivado."));
        }

        var principal = new AdminPrincipal(user.Id, user.Email, user.Nombre, user.Rol, user.EmpresaId);
        if (kind == AuthKind.SuperAdmin && !principal.IsSuperAdmin)
        {
            return (null, Problems.Forbidden("Esta operación requiere el rol super_admin."));
        }

        if (kind == AuthKind.ClienteAdmin && principal.Rol != Roles.ClienteAdmin)
        {
            return (null, Problems.Forbidden("Esta operación requiere el rol cliente_admin."));
        }

        if (principal.IsCajero && !CajeroAccess.Allows(route.Name))
        {
            return (null, Problems.Forbidden(CajeroAccess.Refusal));
        }

        if (Roles.IsPerCompany(principal.Rol))
        {
            var empresa = principal.EmpresaId is { } empresaId ? await tenancy.EmpresaAsync(empresaId, cancellationToken) : null;
            if (empresa is null || !empresa.Activa)
            {
                return (null, Problems.Forbidden("La empresa de este usuario está desactivada."));
            }
        }

        return (principal, null);
    }

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }
}
