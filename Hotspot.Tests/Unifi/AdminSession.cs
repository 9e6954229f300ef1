using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Simulators.Unifi;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Unifi;

/// <summary>A DevHost with a bootstrapped super_admin, logged in: its client carries the session token.</summary>
public static class AdminSession
{
    public const string Email = "root@hotspot.test";
    private const string Password = "correct-horse-battery";

    public static async Task<RunningDevHost> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hotspot:Bootstrap:AdminEmail"] = Email,
            ["Hotspot:Bootstrap:AdminPassword"] = Password,
            ["Hotspot:Auth:BcryptCost"] = "4",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = await RunningDevHost.StartAsync(azurite, settings);
        var login = await PostAsync(host, "/api/v1/auth/login", new { email = Email, password = Password });
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("access_token").GetString());
        return host;
    }

    /// <summary>The admin body of a UniFi router on the simulator, its certificate pinned.</summary>
    public static object UnifiRouter(UnifiSimulator simulator, string controllerKey, string nombre = "Lobby") => new
    {
        nombre, tipo = "unifi", base_url = simulator.ApiBaseUrl.ToString(), site = "default",
        api_key = controllerKey, certificado_sha256 = simulator.CertificateSha256,
    };

    /// <summary>The admin body of a UniFi router reached through the simulator's Site Manager connector.</summary>
    public static object SiteManagerRouter(string siteManagerKey, string nombre = "Terraza") => new
    {
        nombre, tipo = "unifi", conexion = "site_manager", consola_id = UnifiSimulatorOptions.DefaultConsoleId, site = "default",
        api_key = siteManagerKey,
    };

    /// <summary>DevHost settings that make the simulator the Site Manager (its certificate pinned).</summary>
    public static Dictionary<string, string?> SiteManagerSettings(UnifiSimulator simulator) => new()
    {
        ["Hotspot:Unifi:SiteManagerUrl"] = simulator.SiteManagerUrl.ToString(),
        ["Hotspot:Unifi:SiteManagerCertificateSha256"] = simulator.CertificateSha256,
    };

    /// <summary>A new company with one UniFi router on the simulator; returns the router's id.</summary>
    public static async Task<string> CreateUnifiRouterAsync(RunningDevHost host, UnifiSimulator simulator, string controllerKey) =>
        await CreateRouterAsync(host, UnifiRouter(simulator, controllerKey));

    /// <summary>A new company with the given router; returns the router's id.</summary>
    public static async Task<string> CreateRouterAsync(RunningDevHost host, object routerBody)
    {
        var empresa = await PostAsync(host, "/api/v1/admin/empresas", new { nombre = "Café " + Guid.NewGuid().ToString("N")[..6] });
        var router = await PostAsync(host, $"/api/v1/admin/empresas/{empresa.GetProperty("id")}/routers", routerBody);
        return router.GetProperty("id").ToString();
    }

    /// <summary>POSTs JSON, requires a success status and returns the body.</summary>
    public static async Task<JsonElement> PostAsync(RunningDevHost host, string path, object body)
    {
        using var response = await host.Client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
