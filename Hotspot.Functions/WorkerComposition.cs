using Azure.Identity;
using Hotspot.Auth;
using Hotspot.Functions.Middleware;
using Hotspot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hotspot.Functions;

/// <summary>What the worker is made of: Program.cs runs it, and a startup test builds it without a Functions host.</summary>
public static class WorkerComposition
{
    public static FunctionsApplicationBuilder Configure(FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<RouteValuesMiddleware>();
        // Functions run on App Service, which has no Azure Instance Metadata Service: that module's probe of
        // 169.254.169.254 at start-up could only fail (the App Service heartbeat module describes the app instead).
        builder.Services
            .AddApplicationInsightsTelemetryWorkerService(options => options.EnableAzureInstanceMetadataTelemetryModule = false)
            .ConfigureFunctionsApplicationInsights();
        // Application Insights accepts only Entra-authenticated telemetry (local auth is disabled in infra/app/monitoring.bicep).
        // The host authenticates through APPLICATIONINSIGHTS_AUTHENTICATION_STRING; the worker's SDK needs the credential.
        if (builder.Configuration[ConfigurationKeys.ManagedIdentityClientId] is { Length: > 0 } clientId)
        {
            var credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            builder.Services.Configure<TelemetryConfiguration>(telemetry => telemetry.SetAzureTokenCredential(credential));
        }

        // The client's address arrives in X-Forwarded-For, behind the front end and the host (docs/deploy.md, "What the
        // Functions host does differently"). Registered before AddHotspot so that the configured hop count wins.
        builder.Services.Configure<ClientAddressOptions>(options => options.ForwardedHops = ClientAddressOptions.AzureFunctionsHops);
        builder.Services.AddHotspot(builder.Configuration);
        // The ASP.NET Core integration's forwarded-headers middleware would take the rightmost X-Forwarded-For entry as
        // the peer and cut it from the header, leaving ClientAddress a shortened chain whose hop count points one entry
        // too far left, at what the client sent. The chain stays whole; Host and Proto are still applied. PostConfigure:
        // the integration sets its options when the host is built, after these registrations.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options => options.ForwardedHeaders &= ~ForwardedHeaders.XForwardedFor);
        return builder;
    }
}
