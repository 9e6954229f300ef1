using System.Reflection;

namespace Hotspot.Tests.Functions;

/// <summary>Hotspot.Functions' build output for the configuration these tests were built in, as the Functions SDK wrote it.</summary>
public static class FunctionsBuildOutput
{
    /// <summary>Recorded by Hotspot.Tests.csproj from the project reference's resolved output.</summary>
    public static string Directory { get; } = Find();

    public static string FunctionsMetadata => Path.Combine(Directory, "functions.metadata");

    private static string Find()
    {
        var recorded = typeof(FunctionsBuildOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "HotspotFunctionsBuildOutput")?.Value;
        if (string.IsNullOrEmpty(recorded) || !System.IO.Directory.Exists(recorded))
        {
            throw new InvalidOperationException($"Hotspot.Functions' build output was not recorded or is missing ('{recorded}'). Build Hotspot.sln.");
        }

        return recorded;
    }
}
