using System.Text.Json;
using System.Text.RegularExpressions;
using Hotspot.DevHost.Timers;
using Hotspot.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Tests.Functions;

/// <summary>What one function binds to, as functions.metadata describes it.</summary>
public sealed record FunctionBinding(string Name, string Method, IReadOnlyList<string> Verbs, string? Route, AuthorizationLevel? AuthLevel, string? Schedule);

/// <summary>A timer job as the product registers it: the function name and schedule it must be bound with.</summary>
public sealed record ScheduledJob(string Name, string Schedule, string? ScheduleSetting = null);

/// <summary>Checks that the Azure Functions bindings and the route table describe the same API.</summary>
public static partial class FunctionsParity
{
    /// <summary>
    /// The functions as the Azure Functions host will index them: the <c>functions.metadata</c> that the Worker SDK
    /// generates from the compiled Hotspot.Functions assembly.
    /// </summary>
    public static IReadOnlyList<FunctionBinding> ReadMetadata(string functionsMetadataPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(functionsMetadataPath));
        return document.RootElement.EnumerateArray().Select(Describe).ToList();
    }

    /// <param name="infraAppSettings">The app settings infra/app/api.bicep gives the Function App.</param>
    public static IReadOnlyList<string> Check(
        IReadOnlyList<FunctionBinding> functions, IReadOnlyList<HotspotRoute> routes, IReadOnlyList<ScheduledJob> jobs,
        IReadOnlyCollection<string> infraAppSettings)
    {
        var problems = new List<string>();
        foreach (var duplicate in functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Function name '{duplicate.Key}' is used {duplicate.Count()} times.");
        }

        foreach (var function in functions.Where(f => !ValidFunctionName().IsMatch(f.Name)))
        {
            problems.Add($"Function name '{function.Name}' is not a valid Azure Functions name.");
        }

        foreach (var route in routes)
        {
            var verbs = Verbs(route.BoundVerbs);
            var bound = functions.Where(f => f.Route == route.FunctionRoute && Verbs(f.Verbs).Overlaps(verbs)).ToList();
            if (bound.Count == 0)
            {
                problems.Add($"Route {route.Name} ({string.Join(',', route.Verbs)} {route.Path}) has no function.");
                continue;
            }

            if (bound.Count > 1)
            {
                problems.Add($"Route {route.Name} ({route.Path}) is bound by {bound.Count} functions: {string.Join(", ", bound.Select(f => f.Name))}.");
            }

            foreach (var function in bound)
            {
                if (function.Name != route.Name)
                {
                    problems.Add($"Route {route.Name} is bound by a function named '{function.Name}'.");
                }

                if (!Verbs(function.Verbs).SetEquals(verbs))
                {
                    problems.Add($"Function {function.Name} answers [{string.Join(',', Verbs(function.Verbs).Order())}] but route {route.Name} is [{string.Join(',', verbs.Order())}].");
                }

                if (function.AuthLevel != AuthorizationLevel.Anonymous)
                {
                    problems.Add($"Function {function.Name} must be AuthorizationLevel.Anonymous: authentication is the route table's.");
                }
            }
        }

        foreach (var function in functions.Where(f => f.Schedule is null))
        {
            if (function.Route is null)
            {
                problems.Add($"HTTP function {function.Name} has no Route; every route is absolute and comes from the table.");
            }
            else if (!routes.Any(r => r.FunctionRoute == function.Route && Verbs(r.BoundVerbs).Overlaps(Verbs(function.Verbs))))
            {
                problems.Add($"Function {function.Name} is bound to {string.Join(',', Verbs(function.Verbs).Order())} '{function.Route}', which the route table lacks.");
            }
        }

        foreach (var timer in functions.Where(f => f.Schedule is not null))
        {
            if (SettingOf(timer.Schedule!) is null && !IsValidSchedule(timer.Schedule!))
            {
                problems.Add($"Timer {timer.Name} has schedule '{timer.Schedule}', not a valid 6-field NCRONTAB expression.");
            }

            if (!jobs.Any(job => job.Name == timer.Name))
            {
                problems.Add($"Timer {timer.Name} runs no registered job.");
            }
        }

        foreach (var job in jobs)
        {
            var timer = functions.FirstOrDefault(f => f.Schedule is not null && f.Name == job.Name);
            if (timer is null)
            {
                problems.Add($"Timer job {job.Name} has no timer function.");
            }
            else if (SettingOf(timer.Schedule!) is { } setting)
            {
                if (setting != job.ScheduleSetting)
                {
                    problems.Add($"Timer {job.Name} reads its schedule from %{setting}% in Functions, but the job's schedule comes from '{job.ScheduleSetting ?? "nowhere"}'.");
                }

                if (!infraAppSettings.Contains(setting))
                {
                    problems.Add($"Timer {job.Name} reads its schedule from %{setting}%, an app setting the infra does not set.");
                }

                if (!IsValidSchedule(job.Schedule))
                {
                    problems.Add($"Timer job {job.Name} has schedule '{job.Schedule}', not a valid 6-field NCRONTAB expression.");
                }
            }
            else if (job.ScheduleSetting is not null)
            {
                problems.Add($"Timer {job.Name} is scheduled '{timer.Schedule}' in Functions; it must read the app setting: %{job.ScheduleSetting}%.");
            }
            else if (timer.Schedule != job.Schedule)
            {
                problems.Add($"Timer {job.Name} is scheduled '{timer.Schedule}' in Functions but '{job.Schedule}' in the DevHost.");
            }
        }

        return problems;
    }

    private static HashSet<string> Verbs(IEnumerable<string> verbs) => verbs.Select(v => v.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

    /// <summary>The app setting of a <c>%SETTING%</c> binding expression, or null for a literal schedule.</summary>
    private static string? SettingOf(string schedule) =>
        schedule.Length > 2 && schedule[0] == '%' && schedule[^1] == '%' ? schedule[1..^1] : null;

    public static bool IsValidSchedule(string schedule)
    {
        if (schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6)
        {
            return false;
        }

        try
        {
            TimerJobScheduler.ParseSchedule(schedule);
            return true;
        }
        catch (NCrontab.CrontabException)
        {
            return false;
        }
    }

    private static FunctionBinding Describe(JsonElement function)
    {
        var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
        var http = bindings.FirstOrDefault(b => TypeOf(b) == "httptrigger");
        var timer = bindings.FirstOrDefault(b => TypeOf(b) == "timertrigger");
        var hasHttp = http.ValueKind == JsonValueKind.Object;
        return new FunctionBinding(
            function.GetProperty("name").GetString()!,
            function.GetProperty("entryPoint").GetString()!,
            hasHttp && http.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!).ToList() : [],
            hasHttp && http.TryGetProperty("route", out var route) ? route.GetString() : null,
            hasHttp && http.TryGetProperty("authLevel", out var authLevel) ? Enum.Parse<AuthorizationLevel>(authLevel.GetString()!, ignoreCase: true) : null,
            timer.ValueKind == JsonValueKind.Object ? timer.GetProperty("schedule").GetString() : null);
    }

    private static string? TypeOf(JsonElement binding) => binding.GetProperty("type").GetString()?.ToLowerInvariant();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex ValidFunctionName();
}
