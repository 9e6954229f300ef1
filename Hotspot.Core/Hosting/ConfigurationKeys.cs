namespace Hotspot.Hosting;

/// <summary>Where a setting comes from in each environment.</summary>
public enum SettingScope
{
    /// <summary>Read everywhere; the Azure deployment must set it as an app setting.</summary>
    RequiredInAzure,

    /// <summary>Read everywhere, with a default that suits Azure; the infra may set it.</summary>
    OptionalInAzure,

    /// <summary>Only for local development (DevHost, tests); the Azure deployment must not set it.</summary>
    LocalOnly,
}

public sealed record ConfigurationKey(string Name, SettingScope Scope, string Description)
{
    /// <summary>The key as an app setting or environment variable (':' becomes '__').</summary>
    public string AppSettingName => Name.Replace(":", "__", StringComparison.Ordinal);
}

/// <summary>
/// Every configuration key the product reads. The README's configuration table and the infra's app settings follow
/// this list; a test fails when the Bicep and this list disagree.
/// </summary>
public static class ConfigurationKeys
{
    public const string StorageConnectionString = "Hotspot:Storage:ConnectionString";
    public const string StorageTableServiceUri = "Hotspot:Storage:TableServiceUri";
    public const string StorageTablePrefix = "Hotspot:Storage:TablePrefix";
    public const string ManagedIdentityClientId = "AZURE_CLIENT_ID";
    public const string KeyVaultUri = "Hotspot:Secrets:KeyVaultUri";
    public const string LocalSecretsFile = "Hotspot:Secrets:LocalFile";
    public const string SessionSecret = "JWT_SESSION_SECRET";
    public const string ApiKeySecret = "JWT_APIKEY_SECRET";
    public const string SessionExpireHours = "JWT_SESSION_EXPIRE_HOURS";
    public const string BcryptCost = "Hotspot:Auth:BcryptCost";
    public const string ApiKeyLifetimeDays = "Hotspot:Auth:ApiKeyLifetimeDays";
    public const string SecretRotationGraceHours = "Hotspot:Auth:SecretRotationGraceHours";
    public const string BootstrapAdminEmail = "Hotspot:Bootstrap:AdminEmail";
    public const string BootstrapAdminPassword = "Hotspot:Bootstrap:AdminPassword";
    public const string SweepSchedule = "SWEEP_SCHEDULE";
    public const string CloneIdleMinutes = "CLONE_IDLE_MINUTES";
    public const string PortalFreeMinutes = "Hotspot:Portal:FreeMinutes";
    public const string UnifiAllowPlainHttp = "Hotspot:Unifi:AllowPlainHttp";
    public const string UnifiSiteManagerUrl = "Hotspot:Unifi:SiteManagerUrl";
    public const string UnifiSiteManagerCertificateSha256 = "Hotspot:Unifi:SiteManagerCertificateSha256";
    public const string UnifiSiteManagerRequestsPerMinute = "Hotspot:Unifi:SiteManagerRequestsPerMinute";
    public const string PortalRedirectHosts = "Hotspot:Portal:RedirectHosts";
    public const string CorsAllowedOrigins = "Hotspot:Cors:AllowedOrigins";
    public const string ClientAddressForwardedHops = "Hotspot:ClientAddress:ForwardedHops";
    public const string RadiusRestSecret = "Hotspot:Radius:RestSecret";
    public const string RadiusServerAddress = "Hotspot:Radius:ServerAddress";

    public static IReadOnlyList<ConfigurationKey> All { get; } =
    [
        new(StorageConnectionString, SettingScope.LocalOnly, "Table Storage connection string (Azurite)."),
        new(StorageTableServiceUri, SettingScope.RequiredInAzure, "Table endpoint, reached with the managed identity."),
        new(StorageTablePrefix, SettingScope.OptionalInAzure, "Prefix of every table name."),
        new(ManagedIdentityClientId, SettingScope.RequiredInAzure, "Client id of the user-assigned managed identity."),
        new(KeyVaultUri, SettingScope.RequiredInAzure, "Key Vault holding router secrets and the JWT signing secrets."),
        new(LocalSecretsFile, SettingScope.LocalOnly, "DevHost: JSON file for the local secret store (in memory when unset)."),
        new(SessionSecret, SettingScope.LocalOnly, "DevHost: session signing secret (in Azure: Key Vault secret jwt-session-secret, created by the app)."),
        new(ApiKeySecret, SettingScope.LocalOnly, "DevHost: router API key signing secret (in Azure: Key Vault secret jwt-apikey-secret, created by the app)."),
        new(SessionExpireHours, SettingScope.OptionalInAzure, "Session token lifetime in hours (default 24)."),
        new(BcryptCost, SettingScope.OptionalInAzure, "bcrypt work factor for admin passwords (default 12)."),
        new(ApiKeyLifetimeDays, SettingScope.OptionalInAzure, "Router API key lifetime in days (default 365)."),
        new(SecretRotationGraceHours, SettingScope.OptionalInAzure, "How long the previous JWT signing secret stays valid after a rotation (default 72)."),
        new(BootstrapAdminEmail, SettingScope.OptionalInAzure, "Email of the first super_admin, created at startup when none exists."),
        new(BootstrapAdminPassword, SettingScope.LocalOnly, "DevHost: first super_admin's password (in Azure: one-time Key Vault secret bootstrap-admin-password, deleted after use)."),
        new(SweepSchedule, SettingScope.RequiredInAzure, "Six-field NCRONTAB of the SweepExpired timer (default every 5 minutes); the Functions timer reads it as %SWEEP_SCHEDULE%."),
        new(CloneIdleMinutes, SettingScope.OptionalInAzure, "Minutes a RANDMAC clone may stay unused before the sweeper folds its time into its base and removes it (default 1440)."),
        new(PortalFreeMinutes, SettingScope.OptionalInAzure, "Minutes of free access the UniFi guest portal offers for accepting the terms; 0 offers vouchers only (default 60)."),
        new(UnifiAllowPlainHttp, SettingScope.LocalOnly, "Lab only: allow http:// UniFi base URLs, which send the controller's API key in clear (never with a certificate pin; default false)."),
        new(UnifiSiteManagerUrl, SettingScope.LocalOnly, "Ubiquiti's Site Manager, whose connector reaches UniFi consoles behind NAT (default https://api.ui.com); the UniFi simulator's address in development and tests."),
        new(UnifiSiteManagerCertificateSha256, SettingScope.LocalOnly, "Lab only: the pinned certificate of the Site Manager stand-in (the UniFi simulator's); unset, the certificate is validated for its host."),
        new(UnifiSiteManagerRequestsPerMinute, SettingScope.OptionalInAzure, "Requests per minute per Site Manager API key, counted per instance; over it a guest gets 503 with Retry-After and nothing is sent (default 10000, Ubiquiti's v1 limit; 100 for an Early Access key)."),
        new("Hotspot:Payments:MercadoPagoApiBase", SettingScope.LocalOnly, "Mercado Pago's API base (default https://api.mercadopago.com/); the payment simulator's address in development and tests."),
        new("Hotspot:Payments:StripeApiBase", SettingScope.LocalOnly, "Stripe's API base (default https://api.stripe.com); the payment simulator's address in development and tests."),
        new("Hotspot:Payments:StripeConnectBase", SettingScope.LocalOnly, "Stripe's Connect base (default https://connect.stripe.com)."),
        new("Hotspot:Payments:RequestTimeout", SettingScope.OptionalInAzure, "How long one payment-provider call may take (default 00:00:10)."),
        new("Hotspot:Payments:WebhookTolerance", SettingScope.OptionalInAzure, "How far a webhook's signed timestamp may be from now (default 00:05:00)."),
        new("Hotspot:Ventas:PublicBaseUrl", SettingScope.OptionalInAzure, "The API's public address for the providers' return and notification URLs (default: the address the portal called)."),
        new("Hotspot:Ventas:CheckoutMinutes", SettingScope.OptionalInAzure, "How long a checkout takes payments, 30 to 1440 minutes (default 60)."),
        new("Hotspot:Ventas:ProviderPollSeconds", SettingScope.OptionalInAzure, "A portal poll asks the payment provider at most this often per purchase (default 10)."),
        new(PortalRedirectHosts, SettingScope.OptionalInAzure, "Hosts the UniFi guest portal may send a guest on to: 'any' (default) or a comma-separated list, *.example.com for subdomains."),
        new(CorsAllowedOrigins, SettingScope.OptionalInAzure, "Origins of the router-hosted portal pages allowed to call the portal routes from a browser: '*' (default; never with credentials) or a comma-separated list (http://10.5.50.1,http://wifi.example.net)."),
        new(RadiusRestSecret, SettingScope.LocalOnly, "DevHost: the secret FreeRADIUS's rlm_rest sends to /api/v1/radius/* (in Azure: Key Vault secret radius-rest-secret); unset, those routes refuse every call."),
        new(RadiusServerAddress, SettingScope.OptionalInAzure, "The RADIUS server's stable IP that the RADIUS setup download writes into /radius (set by the infra from RADIUS_IP_ADDRESS; empty: a placeholder)."),
        new(ClientAddressForwardedHops, SettingScope.OptionalInAzure, "Trusted proxies that each append their caller to X-Forwarded-For; the client's address is the entry that many places from the right (default 2 in the Functions app: the App Service front end, then the Functions host; 0, the TCP peer, on the DevHost)."),
    ];
}
