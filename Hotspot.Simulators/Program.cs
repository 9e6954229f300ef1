// Device simulators for Hotspot: `dotnet run --project Hotspot.Simulators -- <simulator> [options]`.
using Hotspot.Simulators.Payments;
using Hotspot.Simulators.RouterOs;
using Hotspot.Simulators.Unifi;

return args.FirstOrDefault() switch
{
    "routeros" => await RouterOsSimulatorCli.RunAsync(args[1..]),
    "unifi" => await UnifiSimulatorCli.RunAsync(args[1..]),
    "payments" => await PaymentSimulatorCli.RunAsync(args[1..]),
    _ => await UsageAsync(),
};

static async Task<int> UsageAsync()
{
    await Console.Error.WriteLineAsync("Usage: Hotspot.Simulators <routeros|unifi|payments> [options]");
    return 2;
}
