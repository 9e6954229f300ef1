using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Hotspot.Auth;
using Hotspot.Drivers;
using Hotspot.ExternalPortal;
using Hotspot.Guests;
using Hotspot.Http.Cors;
using Hotspot.Mikrotik;
using Hotspot.MikrotikPortal;
using Hotspot.PortalLogin;
using Hotspot.Radius;
using Hotspot.Reconnect;
using Hotspot.RouterOs;
using Hotspot.Sales.Catalog;
using Hotspot.Sales.Payments;
using Hotspot.Sales.Provisioning;
using Hotspot.Sales.Purchases;
using Hotspot.Sales.Reports;
using Hotspot.Secrets;
using Hotspot.Storage;
using Hotspot.Sweeper;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Admin;
using Hotspot.Timers;
using Hotspot.Unifi;
using Hotspot.Unifi.SiteManager;
using Hotspot.Vouchers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hotspot.Hosting;

public static class HotspotServiceCollectionExtensions
{
    /// <summary>
    /// Everything Hotspot needs, registered the same way by the DevHost and by the Functions worker.
    /// </summary>
    public static IServiceCollection AddHotspot(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString) || o.TableServiceUri is not null,
                $"Set {StorageOptions.Section}:ConnectionString (local) or {StorageOptions.Section}:TableServiceUri (Azure).")
            .Validate(o => o.TablePrefix.All(char.IsAsciiLetterOrDigit) && (o.TablePrefix.Length == 0 || char.IsAsciiLetter(o.TablePrefix[0])),
                $"{StorageOptions.Section}:TablePrefix must be letters and digits, starting with a letter.")
            .ValidateOnStart();
        services.TryAddSingleton<StorageRequestCounter>();
        services.TryAddSingleton(sp => CreateTableServiceClient(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<StorageRequestCounter>(), configuration));
        services.TryAddSingleton<TableStore>();
        AddSecrets(services, configuration);
        AddTenancy(services, configuration);
        AddHotspotDevices(services, configuration);
        AddDrivers(services, configuration);
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.Section))
            .Validate(o => o.FreeMinutes is >= 0 and <= 1440, $"{PortalOptions.Section}:FreeMinutes must be between 0 (no free access) and 1440.")
            .Validate(o => o.RedirectHostsAreValid, $"{PortalOptions.Section}:RedirectHosts must be 'any' or a comma-separated list of host names (*.example.com for subdomains).")
            .ValidateOnStart();
        services.AddOptions<RadiusSetupOptions>().Bind(configuration.GetSection(RadiusSetupOptions.Section))
            .Validate(o => o.IsValid, $"{RadiusSetupOptions.Section}:ServerAddress must be an IP address (a MikroTik /radius entry takes no host name).")
            .ValidateOnStart();
        services.AddOptions<PortalCorsOptions>().Bind(configuration.GetSection(PortalCorsOptions.Section))
            .Validate(o => o.AllowedOriginsAreValid, $"{PortalCorsOptions.Section}:AllowedOrigins must be '*' or a comma-separated list of origins (http://10.5.50.1,https://wifi.example.net).")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Registers a scheduled job for both hosts.</summary>
    public static IServiceCollection AddTimerJob<TJob>(this IServiceCollection services) where TJob : class, ITimerJob
    {
        services.TryAddSingleton<TJob>();
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<TJob>());
        return services;
    }

    private static void AddSecrets(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<ISecretStore>(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            if (Uri.TryCreate(configuration[ConfigurationKeys.KeyVaultUri], UriKind.Absolute, out var vault))
            {
                var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
                {
                    ManagedIdentityClientId = configuration[ConfigurationKeys.ManagedIdentityClientId],
                });
                return new KeyVaultSecretStore(new SecretClient(vault, credential), time);
            }

            var file = configuration[ConfigurationKeys.LocalSecretsFile];
            return new LocalSecretStore(time, string.IsNullOrWhiteSpace(file) ? null : file);
        });
    }

    private static void AddTenancy(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>()
            .Configure(options => AuthOptions.Bind(options, configuration))
            .Validate(o => o.BcryptCost is >= 4 and <= 31, $"{ConfigurationKeys.BcryptCost} must be between 4 and 31.")
            .Validate(o => o.SessionExpireHours is >= 1 and <= 24 * 30, $"{ConfigurationKeys.SessionExpireHours} must be between 1 and 720.")
            .Validate(o => o.ApiKeyLifetimeDays is >= 1 and <= 3650, $"{ConfigurationKeys.ApiKeyLifetimeDays} must be between 1 and 3650.")
            .ValidateOnStart();
        services.AddOptions<ClientAddressOptions>()
            .Configure(o => o.ForwardedHops = configuration.GetValue(ConfigurationKeys.ClientAddressForwardedHops, o.ForwardedHops))
            .Validate(o => o.ForwardedHops is >= 0 and <= ClientAddressOptions.MaxHops, $"{ConfigurationKeys.ClientAddressForwardedHops} must be between 0 (the TCP peer) and {ClientAddressOptions.MaxHops}.")
            .ValidateOnStart();
        services.TryAddSingleton<SigningKeyRing>();
        services.TryAddSingleton<SessionTokens>();
        services.TryAddSingleton<ApiKeyTokens>();
        services.TryAddSingleton<PasswordHasher>();
        services.TryAddSingleton<LoginThrottle>();
        services.TryAddSingleton<AdminSessions>();
        services.TryAddSingleton<TenancyCache>();
        services.TryAddSingleton<IdAllocator>();
        services.TryAddSingleton<UsuarioStore>();
        services.TryAddSingleton<EmpresaStore>();
        services.TryAddSingleton<RouterStore>();
        services.TryAddSingleton<ApiKeyStore>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<SessionAuthenticator>();
        services.TryAddSingleton<ApiKeyAuthenticator>();
        services.AddHostedService<BootstrapAdmin>();
    }

    private static void AddHotspotDevices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RouterOsPoolOptions>();
        services.TryAddSingleton<RouterOsPool>();
        services.TryAddSingleton<IMikrotikClients, PooledMikrotikClients>();
        services.TryAddSingleton<RouterVersionCache>();
        services.TryAddSingleton<FirstSessionStore>();
        services.TryAddSingleton<FamilyLeases>();
        services.TryAddSingleton<ReconnectService>();
        services.AddGuestFacingServices();
        services.AddOptions<SweepOptions>()
            .Configure(options => SweepOptions.Bind(options, configuration))
            .Validate(o => o.Schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6, $"{ConfigurationKeys.SweepSchedule} must be a six-field NCRONTAB expression.")
            .Validate(o => o.CloneIdleMinutes >= 1, $"{ConfigurationKeys.CloneIdleMinutes} must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton<PortalSessionStore>();
        services.TryAddSingleton<GuestRecords>();
        services.TryAddSingleton<GuestLists>();
        services.TryAddSingleton<VoucherStore>();
        services.TryAddSingleton<VoucherHotspotUsers>();
        services.TryAddSingleton<VoucherService>();
        services.TryAddSingleton<MikrotikSweep>();
        services.TryAddSingleton<GuestGrantLedger>();
        services.TryAddSingleton<VoucherRedemption>();
        services.TryAddSingleton<UnifiGrantSweep>();
        services.TryAddSingleton<PortalSweep>();
        services.TryAddSingleton<EmpresaAdmin>();
        services.TryAddSingleton<Hotspot.Branding.MarcaStore>();
        services.TryAddSingleton<Hotspot.Branding.MarcaAdmin>();
        services.TryAddSingleton<Hotspot.Branding.MarcaEfectiva>();
        services.TryAddSingleton<Hotspot.Branding.MarcaLogoStore>();
        services.TryAddSingleton<Hotspot.Branding.MarcaLogoUrls>();
        services.TryAddSingleton<Hotspot.Branding.MarcaLogos>();
        services.TryAddSingleton<UsuarioAdmin>();
        services.TryAddSingleton<RouterAdmin>();
        services.TryAddSingleton<ApiKeyAdmin>();
        services.TryAddSingleton<RouterConnectionTest>();
        services.TryAddSingleton<SweepOnDemand>();
        services.AddSalesReports();
        services.TryAddSingleton<ProductoStore>();
        services.TryAddSingleton<ProductCatalog>();
        services.TryAddSingleton<Vouchers.Batches.LoteStore>();
        services.TryAddSingleton<Vouchers.Batches.VoucherBatches>();
        services.TryAddSingleton<Vouchers.Batches.CashierShift>();
        services.TryAddSingleton<PublicCatalog>();
        services.AddPurchaseProvisioning();
        services.AddRadius();
        services.AddPurchases(configuration);
        services.TryAddSingleton<PortalSetup>();
        services.AddTimerJob<SweepJob>();
    }

    private static void AddDrivers(IServiceCollection services, IConfiguration configuration)
    {
        services.AddUnifiDriver(options =>
        {
            options.AllowPlainHttp = configuration.GetValue(ConfigurationKeys.UnifiAllowPlainHttp, false);
            options.SiteManagerUrl = configuration.GetValue(ConfigurationKeys.UnifiSiteManagerUrl, SiteManagerConnector.DefaultUrl)!;
            options.SiteManagerCertificateSha256 = configuration[ConfigurationKeys.UnifiSiteManagerCertificateSha256] is { Length: > 0 } pin ? pin : null;
            options.SiteManagerRequestsPerMinute = configuration.GetValue(ConfigurationKeys.UnifiSiteManagerRequestsPerMinute, options.SiteManagerRequestsPerMinute);
        });
        services.AddSingleton<IRouterDriver, UnifiRouterDriver>();
        services.AddSingleton<IRouterDriver, MikrotikRouterDriver>();
        services.TryAddSingleton<RouterControllers>();
    }

    private static TableServiceClient CreateTableServiceClient(StorageOptions options, StorageRequestCounter counter, IConfiguration configuration)
    {
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(100);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableServiceClient(options.ConnectionString, clientOptions);
        }

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = configuration[ConfigurationKeys.ManagedIdentityClientId],
        });
        return new TableServiceClient(options.TableServiceUri!, credential, clientOptions);
    }
}
