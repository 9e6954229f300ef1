using Hotspot.Tenancy.Entities;

namespace Hotspot.Auth;

/// <summary>The admin user behind a valid session, as stored now (not as the token remembers it).</summary>
public sealed record AdminPrincipal(long UserId, string Email, string Nombre, string Rol, long? EmpresaId)
{
    public bool IsSuperAdmin => Rol == Roles.SuperAdmin;

    public bool IsCajero => Rol == Roles.Cajero;

    /// <summary>Whether this admin may see the given company's data.</summary>
    public bool CanAccess(long empresaId) => IsSuperAdmin || EmpresaId == empresaId;
}

/// <summary>The router behind a valid API key, with its company. The handler decides what an inactive one gets.</summary>
public sealed record RouterPrincipal(string KeyId, RouterEntity Router, EmpresaEntity Empresa)
{
    /// <summary>What the key may open (<see cref="KeyScopes"/>).</summary>
    public KeyScope Scope { get; init; } = KeyScope.Portal;
}

public static class PrincipalAccess
{
    public static AdminPrincipal Admin(this HttpContext context) =>
        context.Features.Get<AdminPrincipal>() ?? throw new InvalidOperationException("This route is not session-authenticated.");

    public static RouterPrincipal RouterKey(this HttpContext context) =>
        context.Features.Get<RouterPrincipal>() ?? throw new InvalidOperationException("This route is not API-key-authenticated.");
}

/// <summary>The admin making a request and the address it came from: what an area service is given to scope and audit a call.</summary>
public sealed record AdminCaller(AdminPrincipal Principal, string Address)
{
    public static AdminCaller Of(HttpContext context) => new(context.Admin(), ClientAddress.Of(context));
}
