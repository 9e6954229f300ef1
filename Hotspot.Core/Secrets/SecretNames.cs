using System.Globalization;

namespace Hotspot.Secrets;

/// <summary>The names under which the product keeps its secrets.</summary>
public static class SecretNames
{
    public const string SessionSigning = "jwt-session-secret";
    public const string ApiKeySigning = "jwt-apikey-secret";
    public const string BootstrapAdminPassword = "bootstrap-admin-password";

    public static string RouterPassword(long routerId) => string.Create(CultureInfo.InvariantCulture, $"router-{routerId}-password");

    public static string RouterUnifiApiKey(long routerId) => string.Create(CultureInfo.InvariantCulture, $"router-{routerId}-unifi-api-key");
}
