using System.Xml.Linq;
using Hotspot.Hosting;
using Hotspot.Http;
using Hotspot.Timers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Functions;

public sealed class FunctionsParityTests
{
    private static readonly IReadOnlyList<FunctionBinding> Functions = FunctionsParity.Inspect(typeof(FunctionsParityTests).Assembly);

    [Fact]
    public async Task Every_route_has_exactly_one_function_and_every_function_a_route_or_job()
    {
        Assert.NotEmpty(Functions);

        var problems = FunctionsParity.Check(Functions, RouteTable.All, await RegisteredJobsAsync());

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Checker_reports_a_route_without_a_function()
    {
        var orphan = new HotspotRoute("Orphan", ["POST"], "/api/v1/orphan", AuthKind.Anonymous, (_, _) => Task.FromResult(Microsoft.AspNetCore.Http.Results.Ok()), new Hotspot.Http.Contracts.RouteContract("Orphan"));

        var problems = FunctionsParity.Check(Functions, [.. RouteTable.All, orphan], await RegisteredJobsAsync());

        Assert.Contains(problems, p => p.Contains("Orphan", StringComparison.Ordinal) && p.Contains("has no function", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Checker_reports_a_function_bound_to_a_route_the_table_lacks()
    {
        var withoutHealth = RouteTable.All.Where(r => r != RouteTable.Health).ToList();

        var problems = FunctionsParity.Check(Functions, withoutHealth, await RegisteredJobsAsync());

        Assert.Contains(problems, p => p.Contains("GET,HEAD 'api/health', which the route table lacks", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_verb_mismatch_duplicate_names_bad_names_auth_levels_and_bad_schedules()
    {
        FunctionBinding[] functions =
        [
            new("Health", "A.Health", ["post"], "api/health", AuthorizationLevel.Anonymous, null),
            new("Health", "A.Health", ["get"], "api/health", AuthorizationLevel.Function, null),
            new("Health", "B.Health", ["get"], "api/other", AuthorizationLevel.Anonymous, null),
            new("1bad name", "C.Bad", ["get"], "api/health", AuthorizationLevel.Anonymous, null),
            new("Sweep", "D.Sweep", [], null, null, "*/5 * * * *"),
        ];

        var problems = FunctionsParity.Check(functions, [RouteTable.Health], [new ScheduledJob("Sweep", "0 */5 * * * *")]);

        Assert.Contains(problems, p => p.Contains("'api/health', which the route table lacks", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Health' is used 3 times", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("answers [GET] but route Health is [GET,HEAD]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'1bad name' is not a valid", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("must be AuthorizationLevel.Anonymous", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not a valid 6-field NCRONTAB", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("scheduled '*/5 * * * *' in Functions but '0 */5 * * * *'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Checker_reports_a_job_without_a_timer_function()
    {
        var problems = FunctionsParity.Check(Functions, RouteTable.All, [.. await RegisteredJobsAsync(), new ScheduledJob("Forgotten", "0 0 * * * *")]);

        Assert.Contains(problems, p => p.Contains("Timer job Forgotten has no timer function", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_a_timer_bound_to_a_setting_the_job_does_not_read()
    {
        var timer = new FunctionBinding("Nightly", "T.Nightly", [], null, null, "%NIGHTLY_SCHEDULE%");
        var jobs = new[] { new ScheduledJob("Nightly", "0 0 3 * * *", "OTHER_SCHEDULE") };

        var problems = FunctionsParity.Check([timer], [], jobs);

        Assert.Contains(problems, p => p.Contains("%NIGHTLY_SCHEDULE%", StringComparison.Ordinal) && p.Contains("OTHER_SCHEDULE", StringComparison.Ordinal));
        Assert.Empty(FunctionsParity.Check([timer], [], [jobs[0] with { ScheduleSetting = "NIGHTLY_SCHEDULE" }]));
    }

    [Theory]
    [InlineData("0 */5 * * * *", true)]
    [InlineData("30 0 3 * * 1-5", true)]
    [InlineData("*/5 * * * *", false)]
    [InlineData("0 61 * * * *", false)]
    [InlineData("every minute", false)]
    public void Schedules_must_be_six_field_NCRONTAB(string schedule, bool valid) =>
        Assert.Equal(valid, FunctionsParity.IsValidSchedule(schedule));

    [Fact]
    public void No_product_project_references_the_test_only_worker_declaration_and_Functions_references_the_real_packages()
    {
        var root = RepositoryRoot();
        foreach (var project in new[] { "Hotspot.Core", "Hotspot.DevHost", "Hotspot.Functions", "Hotspot.Simulators" })
        {
            var references = XDocument.Load(Path.Combine(root, project, project + ".csproj"))
                .Descendants()
                .Where(e => e.Name.LocalName is "ProjectReference" or "Compile" or "Reference" or "Include")
                .Select(e => (string?)e.Attribute("Include") ?? "")
                .ToList();
            Assert.DoesNotContain(references, r => r.Contains("Hotspot.Tests", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(references, r => r.Contains("FunctionsWorker", StringComparison.OrdinalIgnoreCase));
        }

        var functions = XDocument.Load(Path.Combine(root, "Hotspot.Functions", "Hotspot.Functions.csproj"));
        var packages = functions.Descendants("PackageReference").Select(p => (string?)p.Attribute("Include")).ToList();
        Assert.Contains("Microsoft.Azure.Functions.Worker", packages);
        Assert.Contains("Microsoft.Azure.Functions.Worker.Sdk", packages);
        Assert.Contains("Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore", packages);
        Assert.Contains("Microsoft.Azure.Functions.Worker.Extensions.Timer", packages);
        var projects = functions.Descendants("ProjectReference").Select(p => (string?)p.Attribute("Include")).ToList();
        Assert.Equal([@"..\Hotspot.Core\Hotspot.Core.csproj"], projects);
    }

    [Fact]
    public void Host_json_sets_the_empty_route_prefix_the_route_table_assumes()
    {
        using var hostJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "host.json")));

        Assert.Equal("2.0", hostJson.RootElement.GetProperty("version").GetString());
        Assert.Equal("", hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void Host_json_keeps_query_string_keys_out_of_the_hosts_dependency_telemetry()
    {
        // The host records each request it forwards to the worker as a dependency with the whole URL, and seed 002's
        // portals put the router key in `?api-key=`.
        using var hostJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "host.json")));

        var insights = hostJson.RootElement.GetProperty("logging").GetProperty("applicationInsights");
        Assert.False(insights.GetProperty("enableDependencyTracking").GetBoolean());
    }

    internal static async Task<IReadOnlyList<ScheduledJob>> RegisteredJobsAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hotspot:Storage:ConnectionString"] = "UseDevelopmentStorage=true" })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddHotspot(configuration).BuildServiceProvider();
        return services.GetServices<ITimerJob>().Select(job => new ScheduledJob(job.Name, job.Schedule, job.ScheduleSetting)).ToList();
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hotspot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Hotspot.sln not found above " + AppContext.BaseDirectory);
    }
}
