using System.Text.Json;
using System.Text.RegularExpressions;
using Hotspot.Http;

namespace Hotspot.Tests.Functions;

/// <summary>What <c>azd deploy</c> uploads: everything the Functions host needs to run the worker, and nothing else.</summary>
public sealed partial class PublishOutputTests(PublishedWorkerFixture published) : IClassFixture<PublishedWorkerFixture>
{
    [Fact]
    public void The_host_finds_host_json_at_the_root_with_the_route_prefix_the_route_table_assumes()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Directory, "host.json")));

        Assert.Equal("2.0", hostJson.RootElement.GetProperty("version").GetString());
        Assert.Equal("", hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void The_published_functions_metadata_binds_every_route()
    {
        var functions = FunctionsParity.ReadMetadata(Path.Combine(published.Directory, "functions.metadata"));

        Assert.All(RouteTable.All, route => Assert.Contains(functions, f => f.Name == route.Name && f.Route == route.FunctionRoute));
        Assert.Contains(functions, f => f.Name == "SweepExpired" && f.Schedule == "%SWEEP_SCHEDULE%");
        Assert.All(functions, f => Assert.Equal("Hotspot.Functions.dll", ScriptFileOf(f.Name)));
    }

    [Fact]
    public void The_worker_its_configuration_and_the_binding_extensions_are_there()
    {
        using var workerConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Directory, "worker.config.json")));
        var description = workerConfig.RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        var workerPath = description.GetProperty("defaultWorkerPath").GetString()!;
        Assert.True(File.Exists(Path.Combine(published.Directory, workerPath)), workerPath);

        Assert.True(File.Exists(Path.Combine(published.Directory, "Hotspot.Functions.dll")));
        Assert.True(File.Exists(Path.Combine(published.Directory, "Hotspot.Core.dll")));
        Assert.True(File.Exists(Path.Combine(published.Directory, "Hotspot.Functions.runtimeconfig.json")));
        Assert.True(File.Exists(Path.Combine(published.Directory, ".azurefunctions", "Microsoft.Azure.Functions.Worker.Extensions.dll")));
        // HTTP and timer triggers are built into the host; the one extension it loads is the one that reads functions.metadata.
        using var extensions = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Directory, "extensions.json")));
        var hintPaths = extensions.RootElement.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("hintPath").GetString()!).ToList();
        Assert.Contains("./.azurefunctions/Microsoft.Azure.WebJobs.Extensions.FunctionMetadataLoader.dll", hintPaths);
        Assert.All(hintPaths, hint => Assert.True(File.Exists(Path.Combine(published.Directory, hint)), hint));
    }

    [Fact]
    public void Nothing_local_test_only_or_secret_is_published()
    {
        var files = System.IO.Directory.EnumerateFiles(published.Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(published.Directory, f))
            .ToList();

        Assert.DoesNotContain(files, f => Path.GetFileName(f).Equals("local.settings.json", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => NotForAzure().IsMatch(Path.GetFileName(f)));
        foreach (var file in files.Where(f => !f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase)
            && !Path.GetFileName(f).Equals("Hotspot.Functions", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(Path.Combine(published.Directory, file));
            Assert.False(SecretShaped().IsMatch(text), $"{file} holds something shaped like a secret or a local setting.");
        }
    }

    private string ScriptFileOf(string functionName)
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Directory, "functions.metadata")));
        return metadata.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == functionName).GetProperty("scriptFile").GetString()!;
    }

    /// <summary>Projects and packages that only tests, benchmarks or local runs use.</summary>
    [GeneratedRegex(@"^(Hotspot\.(Tests|Benchmarks|DevHost|Simulators)|xunit|BenchmarkDotNet|Microsoft\.NET\.Test\.Sdk|Microsoft\.TestPlatform|Microsoft\.Extensions\.TimeProvider\.Testing|appsettings\.Development)", RegexOptions.IgnoreCase)]
    private static partial Regex NotForAzure();

    [GeneratedRegex(@"AccountKey=|SharedAccessSignature=|UseDevelopmentStorage|devstoreaccount1|InstrumentationKey=|-----BEGIN|JWT_(SESSION|APIKEY)_SECRET|""password""\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex SecretShaped();
}
