using BenchmarkDotNet.Running;

namespace Hotspot.Benchmarks;

// Run one suite: dotnet run -c Release --project Hotspot.Benchmarks -- --filter '*ApiKey*'
internal static class BenchmarkEntryPoint
{
    private static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntryPoint).Assembly).Run(args);
}
