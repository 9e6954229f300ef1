using System.Globalization;

namespace Hotspot.Secrets;

/// <summary>The names under which the product keeps its secrets.</summary>
public static class SecretNames
{
    public const string SessionSigning = "jwt-session-secret";
    public const string ApiKeySigning = "jwt-apikey-secret";
    public const string BootstrapAdminPassword = "bootstrap-admin-password";

    public static string RouterPassword(long routerId) => string.Create(CultureInfo.InvariantCulture, $"router-{routerId}-password");

    /// <summary>The per-router token a RADIUS router carries in its NAS-Identifier.</summary>
    public static string RouterRadiusToken(long routerId) => string.Create(CultureInfo.InvariantCulture, $"router-{routerId}-radius-token");

    /// <summary>The deployment secret FreeRADIUS's rlm_rest sends to our /api/v1/radius routes, when not in configuration.</summary>
    public const string RadiusRestSecret = "radius-rest-secret";

    public static string RouterUnifiApiKey(long routerId) => string.Create(CultureInfo.InvariantCulture, $"router-{routerId}-unifi-api-key");
}
