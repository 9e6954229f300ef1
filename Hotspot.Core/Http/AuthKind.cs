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

    /// <summary>A router API key (jwt_...), never a session token.</summary>
    RouterApiKey,
}
