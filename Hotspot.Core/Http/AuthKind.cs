namespace Hotspot.Http;

/// <summary>Who may call a route; the route pipeline enforces it before the handler runs.</summary>
public enum AuthKind
{
    /// <summary>No credential: health, login.</summary>
    Anonymous,

    /// <summary>An admin session of any role; the handler scopes what a cliente_admin sees.</summary>
    Session,

    /// <summary>An admin session of a super_admin; others get 403.</summary>
    SuperAdmin,

    /// <summary>An admin session of a cliente_admin; others get 403.</summary>
    ClienteAdmin,

    /// <summary>A router API key (jwt_...) of any scope, never a session token: what a guest's portal page may do (the key is published).</summary>
    PortalKey,

    /// <summary>A router API key of scope <c>integracion</c> (secret, held by a server); a portal key gets 403.</summary>
    IntegrationKey,

    /// <summary>FreeRADIUS's rlm_rest: the deployment's RADIUS secret in <c>X-Hotspot-Radius-Secret</c>; never a router key or a session.</summary>
    RadiusSecret,
}

public static class AuthKinds
{
    /// <summary>Whether the route is authenticated by a router API key (of either scope).</summary>
    public static bool IsRouterKey(this AuthKind kind) => kind is AuthKind.PortalKey or AuthKind.IntegrationKey;

    /// <summary>The scope a router-key route needs.</summary>
    public static Auth.KeyScope RequiredScope(this AuthKind kind) => kind == AuthKind.IntegrationKey ? Auth.KeyScope.Integration : Auth.KeyScope.Portal;
}
