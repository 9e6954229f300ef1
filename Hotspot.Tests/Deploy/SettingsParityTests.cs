using Hotspot.Hosting;
using Hotspot.Storage;

namespace Hotspot.Tests.Deploy;

/// <summary>The app settings in the Bicep and the configuration keys in the code agree, both ways.</summary>
public sealed class SettingsParityTests
{
    private const string ApiBicep = "infra/app/api.bicep";
    private static readonly string Bicep = RepositoryFiles.Read(ApiBicep);

    [Fact]
    public void Infra_app_settings_match_the_keys_the_code_reads()
    {
        var settings = BicepText.VariableObjectKeys(Bicep, "appSettings");

        var problems = Check(settings);

        Assert.Contains("Hotspot__Secrets__KeyVaultUri", settings);
        Assert.Empty(problems);
    }

    [Fact]
    public void Checker_reports_a_key_the_code_needs_that_the_infra_does_not_set()
    {
        var edited = WithoutLine(Bicep, "Hotspot__Secrets__KeyVaultUri:");

        var problems = Check(BicepText.VariableObjectKeys(edited, "appSettings"));

        var problem = Assert.Single(problems);
        Assert.Contains("The code needs 'Hotspot__Secrets__KeyVaultUri'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Checker_reports_a_runtime_setting_the_infra_does_not_set()
    {
        var edited = WithoutLine(Bicep, "AzureWebJobsStorage__credential:");

        var problems = Check(BicepText.VariableObjectKeys(edited, "appSettings"));

        var problem = Assert.Single(problems);
        Assert.Contains("The Functions platform needs 'AzureWebJobsStorage__credential'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Checker_reports_a_key_the_infra_sets_that_nothing_reads()
    {
        var edited = WithSettings(Bicep, "  Hotspot__Storage__Unread: 'x'");

        var problems = Check(BicepText.VariableObjectKeys(edited, "appSettings"));

        var problem = Assert.Single(problems);
        Assert.Contains("'Hotspot__Storage__Unread', which nothing reads", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Checker_reports_a_setting_whose_key_was_removed_from_the_code()
    {
        var codeKeys = ConfigurationKeys.All.Where(k => k.Name != ConfigurationKeys.KeyVaultUri).ToList();

        var problems = SettingsParity.Check(BicepText.VariableObjectKeys(Bicep, "appSettings"), codeKeys, RuntimeSettings.Required, RuntimeSettings.Forbidden);

        var problem = Assert.Single(problems);
        Assert.Contains("'Hotspot__Secrets__KeyVaultUri', which nothing reads", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Checker_reports_local_only_forbidden_and_duplicate_settings()
    {
        var edited = WithSettings(
            Bicep,
            "  JWT_SESSION_SECRET: 'in clear'",
            "  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'",
            "  'Hotspot__Storage__TablePrefix': 'x' // quoted keys count too");

        var problems = Check(BicepText.VariableObjectKeys(edited, "appSettings"));

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("'JWT_SESSION_SECRET', which is for local development only", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'FUNCTIONS_WORKER_RUNTIME', which it must not", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Hotspot__Storage__TablePrefix' twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_configuration_key_is_read_by_the_code_and_every_bound_option_has_a_key()
    {
        var problems = SettingsParity.CheckKeysAreRead(ConfigurationKeys.All, SettingsParity.Constants(), ProductSources(), BoundSections);

        Assert.Empty(problems);
    }

    [Fact]
    public void Key_check_reports_a_key_nothing_reads_and_a_bound_option_without_a_key()
    {
        var unread = new ConfigurationKey("Hotspot:Nothing:ReadsThis", SettingScope.OptionalInAzure, "test");
        var keys = ConfigurationKeys.All.Where(k => k.Name != ConfigurationKeys.StorageTablePrefix).Append(unread).ToList();
        var constants = new Dictionary<string, string>(SettingsParity.Constants()) { ["NothingReadsThis"] = unread.Name };

        var problems = SettingsParity.CheckKeysAreRead(keys, constants, ProductSources(), BoundSections);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'Hotspot:Nothing:ReadsThis' is listed in ConfigurationKeys but no code reads it", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Hotspot:Storage:TablePrefix' is bound from configuration but missing", StringComparison.Ordinal));
    }

    /// <summary>
    /// Every options class the deployed product binds (<c>GetSection(X.Section)</c> in Hotspot.Core), found in its
    /// sources so that none is missed. The DevHost's own options are local-only and not deployed.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, Type> BoundSections = FindBoundSections();

    private static Dictionary<string, Type> FindBoundSections()
    {
        var assembly = typeof(StorageOptions).Assembly;
        var coreSources = string.Join("\n", RepositoryFiles.Under("Hotspot.Core", "*.cs").Select(File.ReadAllText));
        var bound = System.Text.RegularExpressions.Regex.Matches(coreSources, @"GetSection\((\w+)\.Section\)")
            .Select(m => assembly.GetTypes().Single(t => t.Name == m.Groups[1].Value))
            .Distinct()
            .ToDictionary(t => (string)t.GetField("Section")!.GetRawConstantValue()!, t => t, StringComparer.Ordinal);
        Assert.Contains(StorageOptions.Section, bound.Keys);
        return bound;
    }

    private static IReadOnlyList<string> Check(IReadOnlyCollection<string> settings) =>
        SettingsParity.Check(settings, ConfigurationKeys.All, RuntimeSettings.Required, RuntimeSettings.Forbidden);

    /// <summary>Every product source file except the list of keys itself.</summary>
    private static string ProductSources() => string.Join(
        "\n",
        new[] { "Hotspot.Core", "Hotspot.DevHost", "Hotspot.Functions" }
            .SelectMany(d => RepositoryFiles.Under(d, "*.cs"))
            .Where(p => Path.GetFileName(p) != "ConfigurationKeys.cs")
            .Select(File.ReadAllText));

    private static string WithoutLine(string bicep, string marker)
    {
        var lines = bicep.Split('\n').ToList();
        Assert.Equal(1, lines.RemoveAll(l => l.TrimStart().StartsWith(marker, StringComparison.Ordinal)));
        return string.Join('\n', lines);
    }

    private static string WithSettings(string bicep, params string[] settings)
    {
        const string Opening = "var appSettings = {";
        var at = bicep.IndexOf(Opening, StringComparison.Ordinal);
        Assert.True(at >= 0);
        return bicep.Insert(at + Opening.Length, "\n" + string.Join('\n', settings));
    }
}
