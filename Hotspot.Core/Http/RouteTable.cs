using Hotspot.ActionApi;
using Hotspot.Auth;
using Hotspot.ExternalPortal;
using Hotspot.Health;
using Hotspot.PortalLogin;
using Hotspot.Reconnect;
using Hotspot.Sweeper;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Admin;

namespace Hotspot.Http;

/// <summary>
/// Every HTTP endpoint of Hotspot, in one place. The DevHost maps this table; Hotspot.Functions binds one
/// function per entry (a parity test keeps the two in step). Paths are absolute: Functions runs with an empty
/// route prefix so that routes outside /api (UniFi's /guest/s/{site}/) are possible.
/// </summary>
public static class RouteTable
{
    private const string Admin = "/api/v1/admin";

    public static readonly HotspotRoute Health = new("Health", ["GET"], "/api/health", AuthKind.Anonymous, HealthEndpoint.GetAsync);

    public static readonly HotspotRoute Login = new("Login", ["POST"], "/api/v1/auth/login", AuthKind.Anonymous, AuthEndpoints.LoginAsync);
    public static readonly HotspotRoute Logout = new("Logout", ["POST"], "/api/v1/auth/logout", AuthKind.Session, AuthEndpoints.LogoutAsync);
    public static readonly HotspotRoute ChangePassword = new("ChangePassword", ["POST"], "/api/v1/auth/change-password", AuthKind.Session, AuthEndpoints.ChangePasswordAsync);

    public static readonly HotspotRoute CreateEmpresa = new("CreateEmpresa", ["POST"], $"{Admin}/empresas", AuthKind.SuperAdmin, EmpresaEndpoints.CreateAsync);
    public static readonly HotspotRoute ListEmpresas = new("ListEmpresas", ["GET"], $"{Admin}/empresas", AuthKind.SuperAdmin, EmpresaEndpoints.ListAsync);
    public static readonly HotspotRoute GetEmpresa = new("GetEmpresa", ["GET"], $"{Admin}/empresas/{{empresaId}}", AuthKind.Session, EmpresaEndpoints.GetAsync);
    public static readonly HotspotRoute UpdateEmpresa = new("UpdateEmpresa", ["PATCH"], $"{Admin}/empresas/{{empresaId}}", AuthKind.SuperAdmin, EmpresaEndpoints.UpdateAsync);
    public static readonly HotspotRoute GetMiEmpresa = new("GetMiEmpresa", ["GET"], $"{Admin}/mi-empresa", AuthKind.ClienteAdmin, EmpresaEndpoints.GetOwnAsync);
    public static readonly HotspotRoute UpdateMiEmpresa = new("UpdateMiEmpresa", ["PATCH"], $"{Admin}/mi-empresa", AuthKind.ClienteAdmin, EmpresaEndpoints.UpdateOwnAsync);

    public static readonly HotspotRoute CreateUsuario = new("CreateUsuario", ["POST"], $"{Admin}/usuarios", AuthKind.SuperAdmin, UsuarioEndpoints.CreateAsync);
    public static readonly HotspotRoute ListUsuarios = new("ListUsuarios", ["GET"], $"{Admin}/usuarios", AuthKind.SuperAdmin, UsuarioEndpoints.ListAsync);
    public static readonly HotspotRoute GetUsuario = new("GetUsuario", ["GET"], $"{Admin}/usuarios/{{usuarioId}}", AuthKind.SuperAdmin, UsuarioEndpoints.GetAsync);
    public static readonly HotspotRoute UpdateUsuario = new("UpdateUsuario", ["PATCH"], $"{Admin}/usuarios/{{usuarioId}}", AuthKind.SuperAdmin, UsuarioEndpoints.UpdateAsync);

    public static readonly HotspotRoute CreateRouter = new("CreateRouter", ["POST"], $"{Admin}/empresas/{{empresaId}}/routers", AuthKind.SuperAdmin, RouterEndpoints.CreateAsync);
    public static readonly HotspotRoute ListRouters = new("ListRouters", ["GET"], $"{Admin}/empresas/{{empresaId}}/routers", AuthKind.Session, RouterEndpoints.ListAsync);
    public static readonly HotspotRoute GetRouter = new("GetRouter", ["GET"], $"{Admin}/routers/{{routerId}}", AuthKind.Session, RouterEndpoints.GetAsync);
    public static readonly HotspotRoute UpdateRouter = new("UpdateRouter", ["PATCH"], $"{Admin}/routers/{{routerId}}", AuthKind.Session, RouterEndpoints.UpdateAsync);
    public static readonly HotspotRoute DeleteRouter = new("DeleteRouter", ["DELETE"], $"{Admin}/routers/{{routerId}}", AuthKind.SuperAdmin, RouterEndpoints.DeleteAsync);

    public static readonly HotspotRoute TestRouterConnection = new("TestRouterConnection", ["POST"], $"{Admin}/routers/{{routerId}}/test-connection", AuthKind.Session, RouterTestEndpoints.TestConnectionAsync);

    public static readonly HotspotRoute IssueApiKey = new("IssueApiKey", ["POST"], $"{Admin}/routers/{{routerId}}/api-keys", AuthKind.Session, ApiKeyEndpoints.IssueAsync);
    public static readonly HotspotRoute ListApiKeys = new("ListApiKeys", ["GET"], $"{Admin}/routers/{{routerId}}/api-keys", AuthKind.Session, ApiKeyEndpoints.ListAsync);
    public static readonly HotspotRoute RegenerateApiKey = new("RegenerateApiKey", ["POST"], $"{Admin}/routers/{{routerId}}/api-keys/regenerate", AuthKind.Session, ApiKeyEndpoints.RegenerateAsync);
    public static readonly HotspotRoute GetApiKey = new("GetApiKey", ["GET"], $"{Admin}/routers/{{routerId}}/api-keys/{{keyId}}", AuthKind.Session, ApiKeyEndpoints.GetAsync);
    public static readonly HotspotRoute RevokeApiKey = new("RevokeApiKey", ["DELETE"], $"{Admin}/routers/{{routerId}}/api-keys/{{keyId}}", AuthKind.Session, ApiKeyEndpoints.RevokeAsync);

    public static readonly HotspotRoute ListAudit = new("ListAudit", ["GET"], $"{Admin}/audit", AuthKind.Session, AuditEndpoints.ListAsync);

    public static readonly HotspotRoute SweepRouter = new("SweepRouter", ["POST"], $"{Admin}/routers/{{routerId}}/sweep", AuthKind.SuperAdmin, SweepEndpoints.SweepAsync);

    public static readonly HotspotRoute AutoReconnect = new("AutoReconnect", ["POST"], "/api/v1/hotspot/auto-reconnect", AuthKind.RouterApiKey, AutoReconnectEndpoint.PostAsync);

    public static readonly HotspotRoute RouterKeyInfo = new("RouterKeyInfo", ["GET"], "/api/v1/hotspot/router", AuthKind.RouterApiKey, RouterKeyEndpoints.WhoAmIAsync);

    public static readonly HotspotRoute UnifiAuthorize = new("UnifiAuthorize", ["POST"], "/api/v1/unifi/authorize", AuthKind.RouterApiKey, UnifiPortalEndpoints.AuthorizeAsync);
    public static readonly HotspotRoute UnifiClient = new("UnifiClient", ["GET"], "/api/v1/unifi/clients/{mac}", AuthKind.RouterApiKey, UnifiPortalEndpoints.GetClientAsync);
    public static readonly HotspotRoute UnifiUnauthorize = new("UnifiUnauthorize", ["POST"], "/api/v1/unifi/unauthorize", AuthKind.RouterApiKey, UnifiPortalEndpoints.UnauthorizeAsync);

    public static readonly HotspotRoute PortalLogin = new("PortalLogin", ["POST"], "/api/v1/portal_login", AuthKind.RouterApiKey, PortalLoginEndpoints.PostAsync);
    public static readonly HotspotRoute GetPortalLogin = new("GetPortalLogin", ["GET"], "/api/v1/portal_login/{pageId}", AuthKind.RouterApiKey, PortalLoginEndpoints.GetAsync);
    public static readonly HotspotRoute EndPortalLogin = new("EndPortalLogin", ["DELETE"], "/api/v1/portal_login/{pageId}", AuthKind.RouterApiKey, PortalLoginEndpoints.DeleteAsync);

    public static readonly HotspotRoute ActionApi = new("ActionApi", ["GET", "POST"], "/api", AuthKind.Anonymous, ActionEndpoint.HandleAsync);

    public static readonly HotspotRoute UnifiGuestPortal = new("UnifiGuestPortal", ["GET"], "/guest/s/{site}", AuthKind.Anonymous, UnifiGuestPortalEndpoints.ShowAsync);
    public static readonly HotspotRoute UnifiGuestPortalAccept = new("UnifiGuestPortalAccept", ["POST"], "/guest/s/{site}", AuthKind.Anonymous, UnifiGuestPortalEndpoints.SubmitAsync);

    public static IReadOnlyList<HotspotRoute> All { get; } =
    [
        Health,
        Login, Logout, ChangePassword,
        CreateEmpresa, ListEmpresas, GetEmpresa, UpdateEmpresa, GetMiEmpresa, UpdateMiEmpresa,
        CreateUsuario, ListUsuarios, GetUsuario, UpdateUsuario,
        CreateRouter, ListRouters, GetRouter, UpdateRouter, DeleteRouter,
        TestRouterConnection,
        IssueApiKey, ListApiKeys, RegenerateApiKey, GetApiKey, RevokeApiKey,
        ListAudit,
        SweepRouter,
        AutoReconnect,
        RouterKeyInfo,
        UnifiAuthorize, UnifiClient, UnifiUnauthorize,
        UnifiGuestPortal, UnifiGuestPortalAccept,
        PortalLogin, GetPortalLogin, EndPortalLogin,
        ActionApi,
    ];
}
