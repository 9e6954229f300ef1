using System.Text.Json;
using System.Text.RegularExpressions;
using Hotspot.Http;
using Hotspot.Secrets;

namespace Hotspot.Tests.Deploy;

/// <summary>The operator's guide and the README's deploy section agree with the infra and the route table.</summary>
public sealed partial class DeployDocsTests
{
    private static readonly string Guide = RepositoryFiles.Read("docs/deploy.md");
    private static readonly string Readme = RepositoryFiles.Read("README.md");

    /// <summary>Values azd itself keeps in an environment, besides the template's outputs and parameters.</summary>
    private static readonly string[] AzdOwnValues = ["AZURE_ENV_NAME", "AZURE_LOCATION", "AZURE_SUBSCRIPTION_ID", "AZURE_PRINCIPAL_ID"];

    [Fact]
    public void Every_value_the_docs_read_is_an_output_or_a_parameter_and_every_value_they_set_a_parameter()
    {
        var problems = EnvironmentValueProblems(Guide + Readme);

        Assert.Empty(problems);
    }

    [Fact]
    public void Environment_check_reports_a_value_no_file_defines()
    {
        var problems = EnvironmentValueProblems("API=\"$(azd env get-value HOTSPOT_FUNCTION_URL)\"\nazd env set HOTSPOT_NO_SUCH_SETTING 1\n");

        Assert.Equal(2, problems.Count);
        Assert.Contains("docs read HOTSPOT_FUNCTION_URL, which is neither an output of main.bicep nor a parameter value.", problems);
        Assert.Contains("docs set HOTSPOT_NO_SUCH_SETTING, which main.parameters.json does not read.", problems);
    }

    [Fact]
    public void Every_setting_in_main_parameters_json_is_documented_in_the_guide()
    {
        Assert.All(ParameterValues().Except(AzdOwnValues), v => Assert.Contains($"`{v}`", Guide, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_api_path_the_docs_call_is_a_route_of_the_route_table()
    {
        var problems = PathProblems(Guide + Readme);

        Assert.Empty(problems);
    }

    [Fact]
    public void Path_check_reports_a_path_the_route_table_lacks()
    {
        var problems = PathProblems("curl -s \"$API/api/v1/admin/companies/$EMPRESA_ID\"");

        Assert.Equal(["docs call /api/v1/admin/companies/{}, which the route table lacks."], problems);
    }

    [Fact]
    public void The_guide_names_the_secrets_as_the_code_does()
    {
        Assert.Contains($"--name {SecretNames.BootstrapAdminPassword} ", Guide, StringComparison.Ordinal);
        Assert.Contains($"--name {SecretNames.SessionSigning} ", Guide, StringComparison.Ordinal);
        Assert.Contains($"--name {SecretNames.ApiKeySigning} ", Guide, StringComparison.Ordinal);
        Assert.Contains($"`{SecretNames.RouterPassword(0).Replace("0", "<id>", StringComparison.Ordinal)}`", Guide, StringComparison.Ordinal);
    }

    private static List<string> EnvironmentValueProblems(string docs)
    {
        var outputs = Regex.Matches(RepositoryFiles.Read("infra/main.bicep"), @"^output\s+(\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        var parameters = ParameterValues().ToHashSet();
        var problems = new List<string>();
        foreach (var name in EnvRead().Matches(docs).Select(m => m.Groups[1].Value).Distinct())
        {
            if (!outputs.Contains(name) && !parameters.Contains(name))
            {
                problems.Add($"docs read {name}, which is neither an output of main.bicep nor a parameter value.");
            }
        }

        foreach (var name in EnvSet().Matches(docs).Select(m => m.Groups[1].Value).Distinct())
        {
            if (!parameters.Contains(name) && !AzdOwnValues.Contains(name))
            {
                problems.Add($"docs set {name}, which main.parameters.json does not read.");
            }
        }

        return problems;
    }

    /// <summary>The azd environment values main.parameters.json reads (<c>${NAME}</c> or <c>${NAME=default}</c>).</summary>
    private static List<string> ParameterValues()
    {
        using var json = JsonDocument.Parse(RepositoryFiles.Read("infra/main.parameters.json"));
        return json.RootElement.GetProperty("parameters").EnumerateObject()
            .Select(p => Placeholder().Match(p.Value.GetProperty("value").ToString()))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();
    }

    private static List<string> PathProblems(string docs)
    {
        var routes = RouteTable.All.Select(r => Normalize(r.Path)).ToHashSet(StringComparer.Ordinal);
        return CalledPath().Matches(docs)
            .Select(m => Normalize(m.Groups[1].Value))
            .Distinct()
            .Where(p => !routes.Contains(p))
            .Select(p => $"docs call {p}, which the route table lacks.")
            .ToList();
    }

    /// <summary>Route parameters, shell variables and placeholders all become <c>{}</c>; the query is dropped.</summary>
    private static string Normalize(string path) =>
        Segment().Replace(path.Split('?')[0].TrimEnd('/'), "/{}");

    [GeneratedRegex(@"azd env get-value ([A-Z0-9_]+)")]
    private static partial Regex EnvRead();

    [GeneratedRegex(@"azd env set ([A-Z0-9_]+)")]
    private static partial Regex EnvSet();

    [GeneratedRegex(@"^\$\{([A-Z0-9_]+)(=[^}]*)?\}$")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\$API(/[A-Za-z0-9_/{}$<>.\-]*[A-Za-z0-9_/{}$<>\-])")]
    private static partial Regex CalledPath();

    [GeneratedRegex(@"/(\{[^}/]+\}|\$[A-Z_]+|<[A-Z_]+>)")]
    private static partial Regex Segment();
}
