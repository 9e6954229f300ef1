using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Hotspot.Storage;
using Hotspot.Timers;
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
        services.TryAddSingleton(sp => CreateTableServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value, configuration));
        services.TryAddSingleton<TableStore>();
        return services;
    }

    /// <summary>Registers a scheduled job for both hosts.</summary>
    public static IServiceCollection AddTimerJob<TJob>(this IServiceCollection services) where TJob : class, ITimerJob
    {
        services.TryAddSingleton<TJob>();
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<TJob>());
        return services;
    }

    private static TableServiceClient CreateTableServiceClient(StorageOptions options, IConfiguration configuration)
    {
        var clientOptions = new TableClientOptions();
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
