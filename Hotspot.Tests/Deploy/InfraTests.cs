using System.Text.Json;
using System.Text.RegularExpressions;
using Hotspot.Auth;
using Hotspot.Hosting;
using Hotspot.Secrets;
using Hotspot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotspot.Tests.Deploy;

/// <summary>
/// What can be checked of the deployment files without a Bicep compiler or Azure: module wiring, no credentials,
/// azure.yaml, the sample local settings and the README's configuration table.
/// </summary>
public sealed class InfraTests
{
    [Fact]
    public void Main_bicep_gives_each_module_every_required_parameter_and_no_unknown_one()
    {
        var problems = ModuleWiringProblems(RepositoryFiles.Read("infra/main.bicep"));

        Assert.Equal(12, BicepText.Modules(RepositoryFiles.Read("infra/main.bicep")).Count);
        Assert.Empty(problems);
    }

    [Fact]
    public void Wiring_check_reports_a_misspelt_and_a_missing_parameter()
    {
        var main = RepositoryFiles.Read("infra/main.bicep");
        var apiModule = main.IndexOf("module api ", StringComparison.Ordinal);
        var passed = main.IndexOf("    keyVaultUri: keyVault.outputs.uri\n", apiModule, StringComparison.Ordinal);
        main = main.Remove(passed, "    keyVaultUri".Length).Insert(passed, "    keyVaultUrl");

        var problems = ModuleWiringProblems(main);

        Assert.Equal(2, problems.Count);
        Assert.Contains("module api passes 'keyVaultUrl', which app/api.bicep does not declare.", problems);
        Assert.Contains("module api does not pass 'keyVaultUri', which app/api.bicep requires.", problems);
    }

    [Fact]
    public void Main_parameters_json_maps_exactly_the_parameters_of_main_bicep()
    {
        var declared = BicepText.Parameters(RepositoryFiles.Read("infra/main.bicep")).Keys.Order(StringComparer.Ordinal).ToList();
        using var json = JsonDocument.Parse(RepositoryFiles.Read("infra/main.parameters.json"));
        var mapped = json.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(declared, mapped);
    }

    [Theory]
    [InlineData("privateNetworking", "bool = false", "${HOTSPOT_PRIVATE_NETWORKING=false}")]
    [InlineData("radius", "bool = false", "${HOTSPOT_RADIUS=false}")]
    [InlineData("alwaysReadyInstances", "int = 0", "${HOTSPOT_ALWAYS_READY_INSTANCES=0}")]
    public void What_costs_money_while_idle_is_off_unless_asked_for(string parameter, string declaration, string mapped)
    {
        using var json = JsonDocument.Parse(RepositoryFiles.Read("infra/main.parameters.json"));

        Assert.Matches(new Regex($@"^param {parameter} {Regex.Escape(declaration)}\r?$", RegexOptions.Multiline), RepositoryFiles.Read("infra/main.bicep"));
        Assert.Equal(mapped, json.RootElement.GetProperty("parameters").GetProperty(parameter).GetProperty("value").GetString());
    }

    [Fact]
    public void Infra_holds_no_storage_keys_connection_strings_or_secret_outputs()
    {
        var forbidden = new Regex(@"listKeys\(|listAccountSas\(|listServiceSas\(|AccountKey=|SharedAccessSignature|allowSharedKeyAccess:\s*true", RegexOptions.IgnoreCase);
        var files = RepositoryFiles.Under("infra", "*.bicep").ToList();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(forbidden.IsMatch(File.ReadAllText(f)), $"{f} holds a key or a SAS, or enables shared keys."));
        Assert.Contains("allowSharedKeyAccess: false", RepositoryFiles.Read("infra/app/storage.bicep"), StringComparison.Ordinal);
        Assert.Contains("enableRbacAuthorization: true", RepositoryFiles.Read("infra/app/keyvault.bicep"), StringComparison.Ordinal);
        var outputs = Regex.Matches(RepositoryFiles.Read("infra/main.bicep"), @"^output\s+(\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("HOTSPOT_API_URL", outputs);
        Assert.DoesNotContain(outputs, o => o.Contains("SECRET", StringComparison.Ordinal) || o.Contains("PASSWORD", StringComparison.Ordinal));
    }

    [Fact]
    public void The_app_settings_give_the_https_host_name_as_the_public_address_and_turn_off_the_host_home_page()
    {
        var api = RepositoryFiles.Read("infra/app/api.bicep");
        var settings = BicepText.VariableObjectKeys(api, "appSettings");

        Assert.Contains("Hotspot__Ventas__PublicBaseUrl", settings);
        Assert.Contains("AzureWebJobsDisableHomepage", settings);
        Assert.Matches(new Regex(@"^\s*Hotspot__Ventas__PublicBaseUrl: 'https://\$\{functionApp\.properties\.defaultHostName\}'\r?$", RegexOptions.Multiline), api);
        Assert.Matches(new Regex(@"^\s*AzureWebJobsDisableHomepage: 'true'\r?$", RegexOptions.Multiline), api);
    }

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_the_api_service()
    {
        var yaml = RepositoryFiles.Read("azure.yaml").Replace("\r", "", StringComparison.Ordinal);

        Assert.Matches(new Regex(@"\n  api:\n    project: \./Hotspot\.Functions\n    language: dotnet\n    host: function\n"), yaml);
        Assert.Contains("'azd-service-name': serviceName", RepositoryFiles.Read("infra/app/api.bicep"), StringComparison.Ordinal);
        Assert.Contains("param serviceName string = 'api'", RepositoryFiles.Read("infra/app/api.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_local_settings_set_every_configuration_key()
    {
        using var json = JsonDocument.Parse(RepositoryFiles.Read("local.settings.sample.json"));
        var values = json.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(ConfigurationKeys.All, k => Assert.Contains(k.AppSettingName, values));
    }

    [Fact]
    public void Sample_local_settings_are_valid_configuration()
    {
        using var json = JsonDocument.Parse(RepositoryFiles.Read("local.settings.sample.json"));
        var values = json.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddLogging().AddHotspot(configuration).BuildServiceProvider();

        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var auth = services.GetRequiredService<IOptions<AuthOptions>>().Value;

        Assert.Equal("UseDevelopmentStorage=true", storage.ConnectionString);
        Assert.Null(storage.TableServiceUri);
        Assert.Equal(10, auth.BcryptCost);
        Assert.NotNull(auth.SessionSecret);
        Assert.IsType<LocalSecretStore>(services.GetRequiredService<ISecretStore>());
    }

    [Fact]
    public void Readme_configuration_table_lists_every_configuration_key()
    {
        var readme = RepositoryFiles.Read("README.md");

        Assert.All(ConfigurationKeys.All, k => Assert.Contains($"`{k.Name}`", readme, StringComparison.Ordinal));
    }

    private static List<string> ModuleWiringProblems(string main)
    {
        var problems = new List<string>();
        foreach (var (symbol, path, passed) in BicepText.Modules(main))
        {
            var declared = BicepText.Parameters(RepositoryFiles.Read(Path.Combine("infra", path)));
            problems.AddRange(passed.Where(p => !declared.ContainsKey(p)).Select(p => $"module {symbol} passes '{p}', which {path} does not declare."));
            problems.AddRange(declared.Where(d => !d.Value && !passed.Contains(d.Key)).Select(d => $"module {symbol} does not pass '{d.Key}', which {path} requires."));
        }

        return problems;
    }
}
