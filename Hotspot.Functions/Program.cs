using Azure.Identity;
using Hotspot.Auth;
using Hotspot.Functions.Middleware;
using Hotspot.Hosting;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<RouteValuesMiddleware>();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
// Application Insights accepts only Entra-authenticated telemetry (local auth is disabled in infra/app/monitoring.bicep).
// The host authenticates through APPLICATIONINSIGHTS_AUTHENTICATION_STRING; the worker's SDK needs the credential.
if (builder.Configuration[ConfigurationKeys.ManagedIdentityClientId] is { Length: > 0 } clientId)
{
    var credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    builder.Services.Configure<TelemetryConfiguration>(telemetry => telemetry.SetAzureTokenCredential(credential));
}

builder.Services.AddHotspot(builder.Configuration);
// The Functions host proxies every request to this worker: the client's address arrives in X-Forwarded-For.
builder.Services.Configure<ClientAddressOptions>(options => options.UseForwardedFor = true);

await builder.Build().RunAsync();
