// Device simulators for Hotspot: `dotnet run --project Hotspot.Simulators -- <simulator> [options]`.
using Hotspot.Simulators.Unifi;

return args.FirstOrDefault() switch
{
    "unifi" => await UnifiSimulatorCli.RunAsync(args[1..]),
    _ => await UsageAsync(),
};

static async Task<int> UsageAsync()
{
    await Console.Error.WriteLineAsync("Usage: Hotspot.Simulators <unifi> [options]");
    return 2;
}
