using BenchmarkDotNet.Running;
using Hotspot.Benchmarks.Reconnect;
using Hotspot.Benchmarks.Sales;
using Hotspot.Benchmarks.Sweeper;

namespace Hotspot.Benchmarks;

// BenchmarkDotNet suites: dotnet run -c Release --project Hotspot.Benchmarks -- --filter '*ApiKey*'
// The sweep's load run:   dotnet run -c Release --project Hotspot.Benchmarks -- sweep-load
// Provisioning:          dotnet run -c Release --project Hotspot.Benchmarks -- provisioning [purchases]
// The family race:        dotnet run -c Release --project Hotspot.Benchmarks -- family-race [runs] [devices]
// Reconnect cases:       dotnet run -c Release --project Hotspot.Benchmarks -- reconnect-cases [samples]
// Reconnect throughput:  dotnet run -c Release --project Hotspot.Benchmarks -- reconnect-throughput [seconds]
// Purchases under load:   dotnet run -c Release --project Hotspot.Benchmarks -- purchase-load [purchases]
// A RADIUS router:        dotnet run -c Release --project Hotspot.Benchmarks -- radius-load [concurrent]
// The console's load:     dotnet run -c Release --project Hotspot.Benchmarks -- console-load [runs]
internal static class BenchmarkEntryPoint
{
    private static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() == "sweep-load")
        {
            return await SweepLoadRun.RunAsync();
        }

        if (args.FirstOrDefault() == "provisioning")
        {
            return await ProvisioningLoadRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100);
        }

        if (args.FirstOrDefault() == "family-race")
        {
            return await FamilyRaceLoadRun.RunAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 4);
        }

        if (args.FirstOrDefault() == "reconnect-cases")
        {
            return await ReconnectCasesRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40);
        }

        if (args.FirstOrDefault() == "reconnect-throughput")
        {
            return await ReconnectThroughputRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
        }

        if (args.FirstOrDefault() == "purchase-load")
        {
            return await PurchaseLoadRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500);
        }

        if (args.FirstOrDefault() == "radius-load")
        {
            return await Radius.RadiusLoadRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
        }

        if (args.FirstOrDefault() == "console-load")
        {
            return await OperatorConsole.ConsoleLoadRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntryPoint).Assembly).Run(args);
        return 0;
    }
}
