// Device simulators for Hotspot: `dotnet run --project Hotspot.Simulators -- <simulator> [options]`.
// The RouterOS and UniFi simulators land here with their issues; until then the CLI says so instead of pretending.
var available = Array.Empty<string>();
if (args.Length == 0 || !available.Contains(args[0]))
{
    await Console.Error.WriteLineAsync(available.Length == 0
        ? "No simulator is available in this build yet."
        : $"Usage: Hotspot.Simulators <{string.Join('|', available)}> [options]");
    return 2;
}

return 0;
