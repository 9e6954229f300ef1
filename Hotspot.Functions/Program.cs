using Hotspot.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = WorkerComposition.Configure(FunctionsApplication.CreateBuilder(args));
await builder.Build().RunAsync();
