using Hotspot.DevHost.Demo;
using Hotspot.DevHost.Storage;
using Hotspot.DevHost.Timers;
using Hotspot.Hosting;
using Hotspot.Http;
using Hotspot.Storage;
using Microsoft.Extensions.Configuration.Memory;

namespace Hotspot.DevHost;

/// <summary>
/// The local host: Kestrel over the same route table and services that Azure Functions runs, plus the timer jobs
/// in a background service. Without a configured storage account it starts Azurite and stops it on exit.
/// </summary>
public static class DevHostApplication
{
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>
    /// Defaults under every other source, in code so that they hold wherever the host is started from (a service unit,
    /// a container, the built DLL run from another folder, where no appsettings.json is found): request logging at
    /// Information would cost about a third of the throughput.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Azure.Core"] = "Warning",
        // Two lines per call to a router, a provider or storage would bury the demo's key and password on the console.
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Hotspot:Storage:TablePrefix"] = "dev",
    };

    /// <param name="configureServices">Runs after the product's registrations; tests use it to replace the clock.</param>
    public static async Task<WebApplication> CreateAsync(
        string[] args, Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var storage = builder.Configuration.GetSection(StorageOptions.Section);
        if (string.IsNullOrWhiteSpace(storage["ConnectionString"]) && string.IsNullOrWhiteSpace(storage["TableServiceUri"]))
        {
            var azurite = await LocalAzurite.StartAsync(cancellationToken);
            Console.WriteLine($"Hotspot DevHost: started Azurite (Table Storage emulator, in memory) on {azurite.TableEndpoint}");
            storage["ConnectionString"] = azurite.ConnectionString;
            // Created by a factory so that the container disposes it (and stops Azurite) when the host shuts down.
            builder.Services.AddSingleton(_ => azurite);

            // A fresh in-memory store: the place for the demo, unless it is turned off.
            var demo = new DemoOptions();
            builder.Configuration.GetSection(DemoOptions.Section).Bind(demo);
            if (demo.Enabled)
            {
                await DemoPayments.StartAsync(builder, cancellationToken);
                builder.Services.AddSingleton<DemoSeeder>();
                builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoSeeder>());
            }
        }

        builder.Services.AddHotspot(builder.Configuration);
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<Hotspot.Sales.Purchases.PurchaseOptions>, DevHostPublicAddress>();
        builder.Services.AddOptions<TimerJobSchedulerOptions>().Bind(builder.Configuration.GetSection(TimerJobSchedulerOptions.Section));
        builder.Services.AddHostedService<TimerJobScheduler>();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        // Resolve the emulator eagerly so that its lifetime is tied to this host even if nothing asks for it.
        app.Services.GetService<LocalAzurite>();
        app.MapHotspotEndpoints();
        return app;
    }
}
