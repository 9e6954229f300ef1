using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Tenancy;

/// <summary>Two companies, each with a cliente_admin, a MikroTik router and an API key; and the platform's super_admin.</summary>
public sealed class SecurityWorld : IAsyncDisposable
{
    private SecurityWorld(TenancyHost host) => Host = host;

    public TenancyHost Host { get; }

    public string RootToken { get; private set; } = "";

    public Company A { get; private set; } = null!;

    public Company B { get; private set; } = null!;

    public sealed record Company(long EmpresaId, long AdminId, string AdminEmail, string AdminToken, long RouterId, string KeyId, string ApiKey);

    public static async Task<SecurityWorld> CreateAsync(AzuriteFixture azurite)
    {
        var world = new SecurityWorld(await TenancyHost.StartAsync(azurite));
        world.RootToken = await world.Host.LoginRootAsync();
        world.A = await world.CreateCompanyAsync("a");
        world.B = await world.CreateCompanyAsync("b");
        return world;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    /// <summary>Everything an admin could have changed, read as the super_admin (key usage times left out).</summary>
    public async Task<string> SnapshotAsync()
    {
        var paths = new[]
        {
            "/api/v1/admin/empresas?limit=100",
            "/api/v1/admin/usuarios?limit=100",
            $"/api/v1/admin/empresas/{A.EmpresaId}/routers",
            $"/api/v1/admin/empresas/{B.EmpresaId}/routers",
            $"/api/v1/admin/routers/{A.RouterId}/api-keys",
            $"/api/v1/admin/routers/{B.RouterId}/api-keys",
            "/api/v1/admin/audit?limit=100",
        };
        var parts = new List<string>();
        foreach (var path in paths)
        {
            var body = await Host.ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Get, path, RootToken);
            parts.Add(System.Text.RegularExpressions.Regex.Replace(body.GetRawText(), "\"last_used\":(null|\"[^\"]*\")", ""));
        }

        return string.Join("\n", parts);
    }

    private async Task<Company> CreateCompanyAsync(string name)
    {
        var empresaId = await Host.CreateEmpresaAsync(RootToken, "Empresa " + name.ToUpperInvariant());
        var email = $"admin-{name}@empresa.test";
        var adminId = await Host.CreateUsuarioAsync(RootToken, email, "cliente_admin", empresaId);
        var adminToken = await Host.LoginAsync(email, TenancyHost.ClientePassword);
        var routerId = await Host.CreateMikrotikRouterAsync(RootToken, empresaId, "Router " + name);
        var (keyId, apiKey) = await Host.IssueApiKeyAsync(RootToken, routerId);
        return new Company(empresaId, adminId, email, adminToken, routerId, keyId, apiKey);
    }
}
