using System.Text.Json;
using System.Text.RegularExpressions;
using Hotspot.Secrets;

namespace Hotspot.Tests.Deploy;

/// <summary>
/// The optional FreeRADIUS server in infra/radius/: off by default, the official image, the configuration of radius/
/// whole, a static address as the one output, and its secrets only ever secure parameters that azd reads from the
/// vault (or generates once) and the module writes back to it.
/// </summary>
public sealed partial class RadiusInfraTests
{
    private const string ModulePath = "infra/radius/radius.bicep";
    private static readonly string Main = RepositoryFiles.Read("infra/main.bicep");
    private static readonly string Module = RepositoryFiles.Read(ModulePath);

    /// <summary>Each secure parameter of main.bicep, the module parameter it is passed to, and the vault secret it is.</summary>
    private static readonly (string Main, string Module, string Secret)[] Secrets =
    [
        ("radiusSharedSecret", "sharedSecret", "radius-shared-secret"),
        ("radiusRestSecret", "restSecret", SecretNames.RadiusRestSecret),
        ("radiusVmPassword", "adminPassword", "radius-vm-password"),
    ];

    [Fact]
    public void Radius_is_off_by_default_and_both_of_its_modules_depend_on_it()
    {
        Assert.Matches(new Regex(@"^param radius bool = false\r?$", RegexOptions.Multiline), Main);
        Assert.Equal("${HOTSPOT_RADIUS=false}", ParameterValue("radius"));
        var modules = BicepText.Modules(Main).Where(m => m.Path.StartsWith("radius/", StringComparison.Ordinal)).Select(m => m.Symbol).ToList();
        Assert.Equal(["radiusIp", "radiusServer"], modules);
        Assert.All(modules, m => Assert.Matches(new Regex($@"^module {m} '[^']+' = if \(radius\) \{{\r?$", RegexOptions.Multiline), Main));
    }

    [Fact]
    public void Azd_up_outputs_the_static_address_routers_point_at_and_nothing_when_off()
    {
        Assert.Matches(new Regex(@"^output RADIUS_IP_ADDRESS string = radius \? radiusIp!\.outputs\.ipAddress : ''\r?$", RegexOptions.Multiline), Main);
        var ip = RepositoryFiles.Read("infra/radius/ip.bicep");
        Assert.Contains("publicIPAllocationMethod: 'Static'", ip, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"sku: \{\s*name: 'Standard'"), ip);
        Assert.Contains("output ipAddress string = address.properties.ipAddress", ip, StringComparison.Ordinal);
        Assert.Contains("id: publicIp.id", Module, StringComparison.Ordinal);
    }

    [Fact]
    public void The_server_runs_the_official_freeradius_image_at_a_3_2_tag()
    {
        var image = new Regex(@"^freeradius/freeradius-server:3\.2\.\d+$");
        var declared = Regex.Match(Main, @"^param radiusImage string = '([^']+)'", RegexOptions.Multiline);

        Assert.True(declared.Success);
        Assert.Matches(image, declared.Groups[1].Value);
        Assert.Equal($"${{HOTSPOT_RADIUS_IMAGE={declared.Groups[1].Value}}}", ParameterValue("radiusImage"));
        Assert.Contains("${HOTSPOT_RADIUS_IMAGE} freeradius -l stdout -d /etc/hotspot-radius", RepositoryFiles.Read("infra/radius/hotspot-radius.service"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_server_gets_every_file_of_the_radius_folder_and_nothing_else()
    {
        var inRepository = RepositoryFiles.Under("radius", "*")
            .Select(f => Path.GetRelativePath(Path.Combine(RepositoryFiles.Root, "radius"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var loaded = ConfigFileProblems(Module, inRepository);

        Assert.NotEmpty(inRepository);
        Assert.Empty(loaded);
    }

    [Fact]
    public void Config_check_reports_a_file_of_the_radius_folder_the_server_does_not_get()
    {
        var edited = Module.Replace("  'mods-enabled/chap': loadFileAsBase64('../../radius/mods-enabled/chap')\n", "", StringComparison.Ordinal);

        var problems = ConfigFileProblems(edited, ["clients.conf", "mods-enabled/chap", "radiusd.conf"]);

        Assert.Contains("radius/mods-enabled/chap is not given to the RADIUS server.", problems);
    }

    [Fact]
    public void The_server_calls_the_function_apps_https_address()
    {
        Assert.Contains("    apiUrl: api.outputs.url\n", Main.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("output url string = 'https://${functionApp.properties.defaultHostName}'", RepositoryFiles.Read("infra/app/api.bicep"), StringComparison.Ordinal);
        Assert.Contains("HOTSPOT_RADIUS_API: apiUrl", Module, StringComparison.Ordinal);
    }

    [Fact]
    public void The_server_is_given_every_variable_radiusd_conf_reads()
    {
        var read = Regex.Matches(RepositoryFiles.Read("radius/radiusd.conf"), @"^#\s+(HOTSPOT_RADIUS_[A-Z_]+)\s", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        var setup = RepositoryFiles.Read("infra/radius/setup.sh");
        var environmentFile = Regex.Match(setup, @"cat > /etc/hotspot-radius\.env <<ENV\n(?<body>.*?)\nENV\n", RegexOptions.Singleline);
        var fromVault = SecretsOfTheFetchScript().Keys;

        Assert.True(environmentFile.Success);
        var given = Regex.Matches(environmentFile.Groups["body"].Value, @"^(HOTSPOT_RADIUS_[A-Z_]+)=", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Concat(fromVault).ToList();
        Assert.Equal(read.Order(StringComparer.Ordinal), given.Order(StringComparer.Ordinal));
        Assert.Equal(["HOTSPOT_RADIUS_REST_SECRET", "HOTSPOT_RADIUS_SECRET"], fromVault.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_vm_reads_from_the_vault_the_two_secrets_the_module_writes_there_and_only_those()
    {
        var written = Regex.Matches(Module, @"^var (\w+)Name = '(radius-[a-z-]+)'", RegexOptions.Multiline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        Assert.Equal(Secrets.Select(s => s.Secret).Order(StringComparer.Ordinal), written.Values.Order(StringComparer.Ordinal));
        Assert.Equal(new HashSet<string> { written["sharedSecret"], written["restSecret"] }, SecretsOfTheFetchScript().Values.ToHashSet());
        // Key Vault Secrets User on each of the two secrets, never on the vault.
        Assert.Equal(["restSecretValue", "sharedSecretValue"], Regex.Matches(Module, @"^\s*scope: (\w+)\r?$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));
        Assert.Contains("var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'", Module, StringComparison.Ordinal);
    }

    [Fact]
    public void Azd_fills_each_secure_parameter_from_the_vault_secret_the_module_writes_it_to()
    {
        foreach (var (main, module, secret) in Secrets)
        {
            Assert.Equal($"$(secretOrRandomPassword ${{AZURE_KEY_VAULT_NAME}} {secret})", ParameterValue(main));
            Assert.Contains($"    {module}: {main}\n", Main.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Secure_parameters_are_the_radius_secrets_alone_and_go_only_to_the_vault_and_the_vm()
    {
        var secure = RepositoryFiles.Under("infra", "*.bicep")
            .SelectMany(f => SecureParameters(File.ReadAllText(f)).Select(p => $"{Path.GetFileName(f)}:{p}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            Secrets.Select(s => $"main.bicep:{s.Main}").Concat(Secrets.Select(s => $"radius.bicep:{s.Module}")).Order(StringComparer.Ordinal),
            secure);
        Assert.Empty(SecureUseProblems(Main, "main.bicep"));
        Assert.Empty(SecureUseProblems(Module, "radius.bicep"));
    }

    [Fact]
    public void Secure_use_check_reports_a_secret_in_an_output_a_setting_and_a_script()
    {
        var edited = Module + "\nvar leakedSettings = {\n  HOTSPOT_RADIUS_REST_SECRET: restSecret\n}\n\noutput leaked string = restSecret\n";

        var problems = SecureUseProblems(edited, "radius.bicep");

        Assert.Equal(2, problems.Count);
        Assert.Contains("radius.bicep uses restSecret in 'HOTSPOT_RADIUS_REST_SECRET: restSecret'.", problems);
        Assert.Contains("radius.bicep uses restSecret in 'output leaked string = restSecret'.", problems);
    }

    [Fact]
    public void Only_radius_over_udp_is_let_in()
    {
        var rules = Regex.Matches(Module, @"^\s*protocol: '(\w+)'", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["Udp"], rules);
        Assert.Matches(new Regex(@"destinationPortRanges: \[\s*'1812'\s*'1813'\s*\]"), Module);
        Assert.Contains("access: 'Allow'", Module, StringComparison.Ordinal);
        Assert.DoesNotContain("'22'", Module, StringComparison.Ordinal);
    }

    /// <summary>Files of radius/ missing from the module's <c>configFiles</c>, and entries naming no such file.</summary>
    private static List<string> ConfigFileProblems(string module, IReadOnlyCollection<string> files)
    {
        var entries = ConfigEntry().Matches(module).Select(m => (Key: m.Groups["key"].Value, Path: m.Groups["path"].Value)).ToList();
        var problems = entries.Where(e => e.Path != e.Key).Select(e => $"configFiles '{e.Key}' loads radius/{e.Path}.").ToList();
        problems.AddRange(files.Except(entries.Select(e => e.Key)).Select(f => $"radius/{f} is not given to the RADIUS server."));
        problems.AddRange(entries.Select(e => e.Key).Except(files).Select(k => $"configFiles '{k}' names no file of radius/."));
        return problems;
    }

    /// <summary>
    /// Lines where a secure parameter is used other than as a vault secret's value, the VM's admin password, or
    /// passed on to the module parameter of <see cref="Secrets"/>.
    /// </summary>
    private static List<string> SecureUseProblems(string bicep, string file)
    {
        var allowed = new Regex(@"^\s*(value|adminPassword|sharedSecret|restSecret): (\w+)$");
        var problems = new List<string>();
        foreach (var name in SecureParameters(bicep))
        {
            foreach (var line in bicep.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !l.TrimStart().StartsWith('@') && !l.TrimStart().StartsWith("//", StringComparison.Ordinal)))
            {
                var uses = Regex.IsMatch(line, $@"\b{name}\b") && !Regex.IsMatch(line, $@"^\s*param {name}\b");
                var match = allowed.Match(line);
                if (uses && !(match.Success && match.Groups[2].Value == name && IsAllowedUse(file, match.Groups[1].Value, name)))
                {
                    problems.Add($"{file} uses {name} in '{line.Trim()}'.");
                }
            }
        }

        return problems;
    }

    private static bool IsAllowedUse(string file, string key, string name) => file switch
    {
        "main.bicep" => Secrets.Any(s => s.Main == name && s.Module == key),
        _ => key == "value" || (key == "adminPassword" && name == "adminPassword"),
    };

    private static List<string> SecureParameters(string bicep)
    {
        var lines = bicep.Split('\n');
        var names = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var param = Regex.Match(lines[i], @"^param (\w+) ");
            var decorators = lines.Take(i).Reverse().TakeWhile(l => l.StartsWith('@'));
            if (param.Success && decorators.Any(d => d.TrimEnd() == "@secure()"))
            {
                names.Add(param.Groups[1].Value);
            }
        }

        return names;
    }

    /// <summary>Environment variable → vault secret, as fetch-secrets.py reads them.</summary>
    private static Dictionary<string, string> SecretsOfTheFetchScript() =>
        Regex.Matches(RepositoryFiles.Read("infra/radius/fetch-secrets.py"), @"^\s+""(HOTSPOT_RADIUS_[A-Z_]+)"": ""([a-z-]+)"",", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    private static string ParameterValue(string name)
    {
        using var json = JsonDocument.Parse(RepositoryFiles.Read("infra/main.parameters.json"));
        return json.RootElement.GetProperty("parameters").GetProperty(name).GetProperty("value").GetString()!;
    }

    [GeneratedRegex(@"^\s*'?(?<key>[\w./-]+)'?: loadFileAsBase64\('\.\./\.\./radius/(?<path>[^']+)'\)", RegexOptions.Multiline)]
    private static partial Regex ConfigEntry();
}
