namespace Hotspot.Auth;

/// <summary>
/// Who may see a router API key, and so what it opens (decision 11). A <see cref="Portal"/> key is published in the
/// captive portal's JavaScript: it opens only what a guest may do. An <see cref="Integration"/> key belongs to a server
/// and is never published: it opens seed 001, seed 002 and the UniFi API, and everything a portal key opens.
/// </summary>
public enum KeyScope
{
    Portal,
    Integration,
}

/// <summary>The scopes as the admin API spells them (<c>alcance</c>), and which routes each opens.</summary>
public static class KeyScopes
{
    public const string PortalName = "portal";
    public const string IntegrationName = "integracion";

    public static string Name(this KeyScope scope) => scope == KeyScope.Integration ? IntegrationName : PortalName;

    /// <summary>A stored key's scope: a key stored before scopes existed was published in config.js, so it is a portal key.</summary>
    public static KeyScope OfStored(string? alcance) => alcance == IntegrationName ? KeyScope.Integration : KeyScope.Portal;

    /// <summary>The scope an operator asked for; null when the name is none of ours.</summary>
    public static KeyScope? Parse(string? alcance) => alcance switch
    {
        PortalName => KeyScope.Portal,
        IntegrationName => KeyScope.Integration,
        _ => null,
    };

    /// <summary>Whether a key of this scope opens a route that needs <paramref name="required"/>: an integration key opens everything.</summary>
    public static bool Opens(this KeyScope scope, KeyScope required) => scope == KeyScope.Integration || required == KeyScope.Portal;
}
