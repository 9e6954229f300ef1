using BenchmarkDotNet.Running;
using Hotspot.Benchmarks.Sweeper;

namespace Hotspot.Benchmarks;

// BenchmarkDotNet suites: dotnet run -c Release --project Hotspot.Benchmarks -- --filter '*ApiKey*'
// The sweep's load run:   dotnet run -c Release --project Hotspot.Benchmarks -- sweep-load
internal static class BenchmarkEntryPoint
{
    private static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() == "sweep-load")
        {
            return await SweepLoadRun.RunAsync();
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntryPoint).Assembly).Run(args);
        return 0;
    }
}
