using System.Xml.Linq;
using Hotspot.Hosting;
using Hotspot.Http;
using Hotspot.Tests.Deploy;
using Hotspot.Timers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Functions;

public sealed class FunctionsParityTests
{
    private static readonly IReadOnlyList<FunctionBinding> Functions = FunctionsParity.ReadMetadata(FunctionsBuildOutput.FunctionsMetadata);

    private static readonly IReadOnlyList<string> InfraAppSettings =
        BicepText.VariableObjectKeys(RepositoryFiles.Read("infra/app/api.bicep"), "appSettings");

    [Fact]
    public async Task Every_route_has_exactly_one_function_and_every_function_a_route_or_job()
    {
        var problems = await CheckAsync(Functions);

        Assert.Empty(problems);
        Assert.Equal(RouteTable.All.Count + (await RegisteredJobsAsync()).Count, Functions.Count);
    }

    [Fact]
    public void The_metadata_is_the_one_the_SDK_generated_from_the_built_worker()
    {
        string[] generated = ["Hotspot.Functions.dll", "worker.config.json", "extensions.json", ".azurefunctions/Microsoft.Azure.Functions.Worker.Extensions.dll"];

        Assert.All(generated, file => Assert.True(File.Exists(Path.Combine(FunctionsBuildOutput.Directory, file)), file));
        Assert.All(Functions, f => Assert.StartsWith("Hotspot.Functions.", f.Method, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Checker_fails_on_a_missing_function()
    {
        var problems = await CheckAsync(Functions.Where(f => f.Name != RouteTable.Login.Name).ToList());

        Assert.Contains(problems, p => p.StartsWith("Route Login (POST /api/v1/auth/login) has no function", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Checker_fails_on_an_extra_function()
    {
        var extra = new FunctionBinding("Extra", "Hotspot.Functions.Extra.Run", ["get"], "api/v1/extra", AuthorizationLevel.Anonymous, null);

        var problems = await CheckAsync([.. Functions, extra]);

        Assert.Contains(problems, p => p.Contains("Function Extra is bound to GET 'api/v1/extra', which the route table lacks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Checker_fails_on_a_wrong_verb()
    {
        var problems = await CheckAsync(Functions.Select(f => f.Name == RouteTable.GetRouter.Name ? f with { Verbs = ["post"] } : f).ToList());

        Assert.Contains(problems, p => p.Contains("Route GetRouter (GET /api/v1/admin/routers/{routerId}) has no function", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Function GetRouter is bound to POST 'api/v1/admin/routers/{routerId}', which the route table lacks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Checker_fails_on_a_wrong_schedule()
    {
        var literal = await CheckAsync(Functions.Select(f => f.Schedule is null ? f : f with { Schedule = "0 */5 * * * *" }).ToList());
        var otherSetting = await CheckAsync(Functions.Select(f => f.Schedule is null ? f : f with { Schedule = "%OTHER_SCHEDULE%" }).ToList());

        Assert.Contains(literal, p => p.Contains("it must read the app setting: %SWEEP_SCHEDULE%", StringComparison.Ordinal));
        Assert.Contains(otherSetting, p => p.Contains("reads its schedule from %OTHER_SCHEDULE% in Functions", StringComparison.Ordinal));
        Assert.Contains(otherSetting, p => p.Contains("%OTHER_SCHEDULE%, an app setting the infra does not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Checker_fails_on_a_function_that_is_not_anonymous()
    {
        var problems = await CheckAsync(Functions.Select(f => f.Name == RouteTable.Health.Name ? f with { AuthLevel = AuthorizationLevel.Function } : f).ToList());

        Assert.Contains(problems, p => p.Contains("Function Health must be AuthorizationLevel.Anonymous", StringComparison.Ordinal));
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

        var problems = FunctionsParity.Check(functions, [RouteTable.Health], [new ScheduledJob("Sweep", "0 */5 * * * *")], []);

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
        var problems = FunctionsParity.Check(Functions, RouteTable.All, [.. await RegisteredJobsAsync(), new ScheduledJob("Forgotten", "0 0 * * * *")], InfraAppSettings);

        Assert.Contains(problems, p => p.Contains("Timer job Forgotten has no timer function", StringComparison.Ordinal));
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
    public void Functions_references_the_real_Worker_packages_and_only_Hotspot_Core()
    {
        var functions = XDocument.Load(Path.Combine(RepositoryRoot(), "Hotspot.Functions", "Hotspot.Functions.csproj"));
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

    private static async Task<IReadOnlyList<string>> CheckAsync(IReadOnlyList<FunctionBinding> functions) =>
        FunctionsParity.Check(functions, RouteTable.All, await RegisteredJobsAsync(), InfraAppSettings);

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
