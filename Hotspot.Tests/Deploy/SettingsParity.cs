using System.Reflection;
using Hotspot.Hosting;

namespace Hotspot.Tests.Deploy;

/// <summary>
/// Compares the app settings the infra sets with the configuration keys the code reads. Returns one sentence per
/// disagreement; none means they agree.
/// </summary>
public static class SettingsParity
{
    public static IReadOnlyList<string> Check(
        IReadOnlyCollection<string> infraSettings,
        IReadOnlyList<ConfigurationKey> codeKeys,
        IReadOnlyList<RuntimeSetting> runtimeRequired,
        IReadOnlyList<RuntimeSetting> runtimeForbidden)
    {
        var problems = new List<string>();
        var infra = new HashSet<string>(StringComparer.Ordinal);
        foreach (var setting in infraSettings)
        {
            if (!infra.Add(setting))
            {
                problems.Add($"The infra sets '{setting}' twice.");
            }
        }

        var byAppSetting = codeKeys.ToDictionary(k => k.AppSettingName, StringComparer.Ordinal);
        var runtime = runtimeRequired.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var forbidden = runtimeForbidden.ToDictionary(r => r.Name, StringComparer.Ordinal);

        foreach (var key in codeKeys.Where(k => k.Scope == SettingScope.RequiredInAzure && !infra.Contains(k.AppSettingName)))
        {
            problems.Add($"The code needs '{key.AppSettingName}' ({key.Description}) and the infra does not set it.");
        }

        foreach (var setting in runtimeRequired.Where(r => !infra.Contains(r.Name)))
        {
            problems.Add($"The Functions platform needs '{setting.Name}' ({setting.Reason}) and the infra does not set it.");
        }

        foreach (var setting in infra)
        {
            if (forbidden.TryGetValue(setting, out var reason))
            {
                problems.Add($"The infra sets '{setting}', which it must not: {reason.Reason}");
            }
            else if (byAppSetting.TryGetValue(setting, out var key))
            {
                if (key.Scope == SettingScope.LocalOnly)
                {
                    problems.Add($"The infra sets '{setting}', which is for local development only: {key.Description}");
                }
            }
            else if (!runtime.ContainsKey(setting))
            {
                problems.Add($"The infra sets '{setting}', which nothing reads: it is neither in ConfigurationKeys nor an allowed Functions runtime setting.");
            }
        }

        return problems;
    }

    /// <summary>
    /// Checks that every key in the list is read by the code: its ConfigurationKeys constant is used in a source file
    /// other than ConfigurationKeys.cs, or it names a property of an options class bound to its section. Also that
    /// every property of those options classes has a key.
    /// </summary>
    public static IReadOnlyList<string> CheckKeysAreRead(
        IReadOnlyList<ConfigurationKey> keys,
        IReadOnlyDictionary<string, string> constants,
        string sources,
        IReadOnlyDictionary<string, Type> boundSections)
    {
        var problems = new List<string>();
        var names = keys.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var constant = constants.FirstOrDefault(c => c.Value == key.Name).Key;
            var usedByConstant = constant is not null && sources.Contains($"ConfigurationKeys.{constant}", StringComparison.Ordinal);
            var usedByBinding = boundSections.Any(s =>
                key.Name.StartsWith(s.Key + ":", StringComparison.Ordinal)
                && s.Value.GetProperty(key.Name[(s.Key.Length + 1)..], BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true });
            if (!usedByConstant && !usedByBinding)
            {
                problems.Add($"'{key.Name}' is listed in ConfigurationKeys but no code reads it.");
            }
        }

        foreach (var (section, type) in boundSections)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                if (!names.Contains($"{section}:{property.Name}"))
                {
                    problems.Add($"'{section}:{property.Name}' is bound from configuration but missing from ConfigurationKeys.");
                }
            }
        }

        return problems;
    }

    /// <summary>The string constants declared in ConfigurationKeys, by field name.</summary>
    public static IReadOnlyDictionary<string, string> Constants() =>
        typeof(ConfigurationKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal);
}
