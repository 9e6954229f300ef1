using Hotspot.Auth;
using Hotspot.Functions.Middleware;
using Hotspot.Hosting;
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
builder.Services.AddHotspot(builder.Configuration);
// The Functions host proxies every request to this worker: the client's address arrives in X-Forwarded-For.
builder.Services.Configure<ClientAddressOptions>(options => options.UseForwardedFor = true);

await builder.Build().RunAsync();
