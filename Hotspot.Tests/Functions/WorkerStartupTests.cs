extern alias functions;
using System.Reflection;
using System.Text.RegularExpressions;
using functions::Hotspot.Functions;
using Hotspot.Hosting;
using Hotspot.Tests.Deploy;
using Hotspot.Timers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotspot.Tests.Functions;

/// <summary>
/// The worker as Program.cs composes it, built without a Functions host, with the settings Azure gives it: its
/// container validates, every function class is activated as the Worker activates it, and every service a route
/// handler asks for resolves, all without a request to Azure.
/// </summary>
public sealed partial class WorkerStartupTests
{
    private const string TableServiceUri = "https://sthotspotstartup.table.core.windows.net/";
    private const string KeyVaultUri = "https://kv-hotspot-startup.vault.azure.net/";

    private static readonly Dictionary<string, string?> AzureSettings = new()
    {
        [ConfigurationKeys.StorageTableServiceUri] = TableServiceUri,
        [ConfigurationKeys.KeyVaultUri] = KeyVaultUri,
        [ConfigurationKeys.ManagedIdentityClientId] = "3f2b8c5e-7d1a-4e6b-9c0d-2a4e6f8b1c3d",
        [ConfigurationKeys.SweepSchedule] = "0 */5 * * * *",
        [ConfigurationKeys.BootstrapAdminEmail] = "ops@example.com",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
            "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Authorization=AAD;ClientId=3f2b8c5e-7d1a-4e6b-9c0d-2a4e6f8b1c3d",
    };

    [Fact]
    public async Task The_worker_builds_with_Azure_settings_and_resolves_every_function_and_handler_service_without_calling_Azure()
    {
        using var calls = new OutgoingRequestRecorder(IsAzure);

        using (var host = BuildWorker())
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            await using var scope = host.Services.CreateAsyncScope();

            var activator = scope.ServiceProvider.GetRequiredService<IFunctionActivator>();
            var invocation = new TestFunctionContext(scope.ServiceProvider);
            var functionClasses = FunctionClasses().ToList();
            Assert.Contains(typeof(SweepFunctions), functionClasses);
            Assert.All(functionClasses, type => Assert.IsType(type, activator.CreateInstance(type, invocation)));

            var handlerServices = HandlerServiceTypes();
            Assert.Contains(typeof(Hotspot.Reconnect.AutoReconnection), handlerServices);
            Assert.All(handlerServices, type => Assert.NotNull(scope.ServiceProvider.GetRequiredService(type)));

            Assert.Equal(["ReconcilePurchases", "SweepExpired"], scope.ServiceProvider.GetServices<ITimerJob>().Select(j => j.Name).Order());
            Assert.Equal(Hotspot.Auth.ClientAddressOptions.AzureFunctionsHops, scope.ServiceProvider.GetRequiredService<IOptions<Hotspot.Auth.ClientAddressOptions>>().Value.ForwardedHops);
            var forwarded = scope.ServiceProvider.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.ForwardedHeaders;
            Assert.Equal(ForwardedHeaders.All & ~ForwardedHeaders.XForwardedFor, forwarded);
        }

        Assert.Empty(calls.Requests);
    }

    [Fact]
    public async Task The_request_recorder_sees_a_request_to_Azure()
    {
        using var calls = new OutgoingRequestRecorder(IsAzure);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = (_, _) => throw new HttpRequestException("This test never connects."),
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(TableServiceUri + "Tables"), timeout.Token));

        Assert.Equal([new Uri(TableServiceUri + "Tables")], calls.Requests);
    }

    [Fact]
    public void A_handler_service_the_worker_lacks_fails_the_build()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(AzureSettings);
        WorkerComposition.Configure(builder);
        builder.Services.AddSingleton<NeedsAnUnregisteredService>();
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));

        var failure = Assert.Throws<AggregateException>(() => builder.Build());

        Assert.Contains(nameof(NeedsAnUnregisteredService), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_forwarded_hop_count_is_read_from_the_app_settings()
    {
        using var host = BuildWorker(new Dictionary<string, string?> { [ConfigurationKeys.ClientAddressForwardedHops] = "3" });

        Assert.Equal(3, host.Services.GetRequiredService<IOptions<Hotspot.Auth.ClientAddressOptions>>().Value.ForwardedHops);
    }

    /// <summary>The worker as Azure starts it, with <paramref name="extraSettings"/> over Azure's settings.</summary>
    internal static IHost BuildWorker(IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(AzureSettings);
        builder.Configuration.AddInMemoryCollection(extraSettings ?? new Dictionary<string, string?>());
        WorkerComposition.Configure(builder);

        // Runtime telemetry, not something building the worker depends on: Live Metrics opens a stream (token, then a
        // ping) as soon as telemetry is configured, and dependency tracking listens process-wide, so it would report the
        // HTTP calls of the tests running beside this one to Azure.
        builder.Services.Configure<Microsoft.ApplicationInsights.WorkerService.ApplicationInsightsServiceOptions>(o =>
        {
            o.EnableQuickPulseMetricStream = false;
            o.EnableDependencyTrackingTelemetryModule = false;
        });
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
        return builder.Build();
    }

    private static bool IsAzure(Uri uri) =>
        uri.Host.EndsWith(".windows.net", StringComparison.OrdinalIgnoreCase)
        || uri.Host.EndsWith(".azure.net", StringComparison.OrdinalIgnoreCase)
        || uri.Host.EndsWith(".azure.com", StringComparison.OrdinalIgnoreCase)
        || uri.Host.EndsWith("microsoftonline.com", StringComparison.OrdinalIgnoreCase)
        || uri.Host == "169.254.169.254";

    /// <summary>Classes whose instance methods are functions: the Worker activates one per invocation.</summary>
    private static IEnumerable<Type> FunctionClasses() =>
        typeof(WorkerComposition).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false })
            .Where(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Any(method => method.GetCustomAttribute<FunctionAttribute>() is not null));

    /// <summary>Every service Hotspot.Core's handlers and pipeline ask the request's services for, read from the sources.</summary>
    private static List<Type> HandlerServiceTypes()
    {
        var core = typeof(HotspotServiceCollectionExtensions).Assembly;
        var known = new[] { typeof(TimeProvider), typeof(ILoggerFactory), typeof(IHttpClientFactory) };
        // Registration extensions resolve what they register themselves (factory lambdas); they are not handler needs.
        var names = RepositoryFiles.Under("Hotspot.Core", "*.cs")
            .Where(file => !file.EndsWith("ServiceCollectionExtensions.cs", StringComparison.Ordinal))
            .SelectMany(file => ServiceRequest().Matches(File.ReadAllText(file)).Select(m => m.Groups["type"].Value))
            .Where(name => !IsTypeParameter().IsMatch(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(names);
        return names.Select(name => ResolveTypeName(name, core, known)).ToList();
    }

    private static Type ResolveTypeName(string name, Assembly core, Type[] known)
    {
        if (OptionsOf().Match(name) is { Success: true } options)
        {
            return typeof(IOptions<>).MakeGenericType(ResolveTypeName(options.Groups["inner"].Value, core, known));
        }

        var matches = core.GetTypes().Concat(known).Where(t => t.Name == name).ToList();
        return matches.Count == 1 ? matches[0] : throw new InvalidOperationException($"Handlers ask for '{name}', which this test cannot name to one type.");
    }

    // A handler's own GetService call, or the area service a route table entry hands its handler (Handle.With<T>).
    [GeneratedRegex(@"Get(Required)?Service<(?<type>[\w<>]+)>\(\)|Handle\.With<(?<type>\w+)>\(")]
    private static partial Regex ServiceRequest();

    /// <summary>A generic method's own type parameter (AddTimerJob's TJob), not a service.</summary>
    [GeneratedRegex(@"^T([A-Z]\w*)?$")]
    private static partial Regex IsTypeParameter();

    [GeneratedRegex(@"^IOptions<(?<inner>\w+)>$")]
    private static partial Regex OptionsOf();

    private sealed class NeedsAnUnregisteredService(UnregisteredService service)
    {
        public UnregisteredService Service { get; } = service;
    }

    private sealed class UnregisteredService;
}
