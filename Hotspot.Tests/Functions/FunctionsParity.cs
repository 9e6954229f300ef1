using System.Reflection;
using System.Text.RegularExpressions;
using Hotspot.DevHost.Timers;
using Hotspot.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Tests.Functions;

/// <summary>What one [Function] method binds to, read from its attributes.</summary>
public sealed record FunctionBinding(string Name, string Method, IReadOnlyList<string> Verbs, string? Route, AuthorizationLevel? AuthLevel, string? Schedule);

/// <summary>A timer job as the product registers it: the function name and schedule it must be bound with.</summary>
public sealed record ScheduledJob(string Name, string Schedule, string? ScheduleSetting = null);

/// <summary>Checks that the Azure Functions bindings and the route table describe the same API.</summary>
public static partial class FunctionsParity
{
    public static IReadOnlyList<FunctionBinding> Inspect(Assembly assembly) =>
        assembly.GetTypes()
            .Where(type => type.Namespace == "Hotspot.Functions")
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => (method, function: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(pair => pair.function is not null)
            .Select(pair => Describe(pair.method, pair.function!))
            .ToList();

    public static IReadOnlyList<string> Check(
        IReadOnlyList<FunctionBinding> functions, IReadOnlyList<HotspotRoute> routes, IReadOnlyList<ScheduledJob> jobs)
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

                if (!IsValidSchedule(job.Schedule))
                {
                    problems.Add($"Timer job {job.Name} has schedule '{job.Schedule}', not a valid 6-field NCRONTAB expression.");
                }
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

    private static FunctionBinding Describe(MethodInfo method, FunctionAttribute function)
    {
        var parameters = method.GetParameters();
        var http = parameters.Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
        var timer = parameters.Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).FirstOrDefault(a => a is not null);
        return new FunctionBinding(
            function.Name,
            $"{method.DeclaringType!.Name}.{method.Name}",
            http?.Methods ?? [],
            http?.Route,
            http?.AuthLevel,
            timer?.Schedule);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex ValidFunctionName();
}
