using Hotspot.DevHost;

await using var app = await DevHostApplication.CreateAsync(args);
await app.RunAsync();

/// <summary>Entry point; public so that tests can reach the assembly.</summary>
public partial class Program;
