using System.Net.Http.Headers;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.RouterOs;
using Hotspot.Tests.Tenancy;
using Hotspot.Tests.Unifi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Hardening;

/// <summary>Who sends a request: nobody in particular, the super_admin, a cliente_admin, or a portal with the router's API key.</summary>
internal enum Caller
{
    None,
    Root,
    Cliente,
    RouterKey,
    RadiusSecret,
}

/// <summary>
/// A DevHost whose log lines are captured, with one company, its cliente_admin, a MikroTik router (the RouterOS
/// simulator over TCP) and an API key for it: every route has something real to act on.
/// </summary>
internal sealed class HostileWorld : IAsyncDisposable
{
    private HostileWorld(TenancyHost host, RunningRouter router, CapturedLogs logs)
    {
        Host = host;
        Router = router;
        Logs = logs;
    }

    public TenancyHost Host { get; }

    public RunningRouter Router { get; }

    public CapturedLogs Logs { get; }

    public string RootToken { get; private set; } = "";

    public string ClienteToken { get; private set; } = "";

    public long EmpresaId { get; private set; }

    public long ClienteId { get; private set; }

    public long RouterId { get; private set; }

    public string KeyId { get; private set; } = "";

    public string ApiKey { get; private set; } = "";

    /// <summary>The deployment secret FreeRADIUS's rlm_rest would send.</summary>
    public const string RadiusSecret = "hostile-world-radius-secret";

    public Uri BaseAddress => Host.Host.Client.BaseAddress!;

    public static async Task<HostileWorld> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var logs = new CapturedLogs();
        var router = RunningRouter.Start();
        var withRadius = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Hotspot:Radius:RestSecret"] = RadiusSecret };
        var host = await TenancyHost.StartAsync(azurite, withRadius, services => services.AddLogging(b => b.AddProvider(logs)));
        var world = new HostileWorld(host, router, logs);
        world.RootToken = await host.LoginRootAsync();
        world.EmpresaId = await host.CreateEmpresaAsync(world.RootToken, "Hostil");
        world.ClienteId = await host.CreateUsuarioAsync(world.RootToken, "cliente@hostil.test", "cliente_admin", world.EmpresaId);
        world.ClienteToken = await host.LoginAsync("cliente@hostil.test", TenancyHost.ClientePassword);
        var created = await host.ExpectAsync(
            System.Net.HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{world.EmpresaId}/routers", world.RootToken,
            new { nombre = "Lobby", tipo = "mikrotik", host = "127.0.0.1", puerto = router.Simulator.ApiPort, usuario = "admin", password = RunningRouter.Password });
        world.RouterId = created.GetProperty("id").GetInt64();
        (world.KeyId, world.ApiKey) = await host.IssueApiKeyAsync(world.RootToken, world.RouterId);
        return world;
    }

    /// <summary>The credential of <paramref name="caller"/>, on the request.</summary>
    public void Authorize(HttpRequestMessage request, Caller caller)
    {
        switch (caller)
        {
            case Caller.Root:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RootToken);
                break;
            case Caller.Cliente:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ClienteToken);
                break;
            case Caller.RouterKey:
                request.Headers.Add("X-API-Key", ApiKey);
                break;
            case Caller.RadiusSecret:
                request.Headers.Add("X-Hotspot-Radius-Secret", RadiusSecret);
                break;
        }
    }

    /// <summary>The same credential as header lines for a hand-written request.</summary>
    public string HeaderLines(Caller caller) => caller switch
    {
        Caller.Root => $"\r\nAuthorization: Bearer {RootToken}",
        Caller.Cliente => $"\r\nAuthorization: Bearer {ClienteToken}",
        Caller.RouterKey => $"\r\nX-API-Key: {ApiKey}",
        Caller.RadiusSecret => $"\r\nX-Hotspot-Radius-Secret: {RadiusSecret}",
        _ => "",
    };

    /// <summary>Error-level lines written since the host started.</summary>
    public IReadOnlyList<string> ErrorLines() =>
        [.. Logs.Lines.Where(line => line.Contains(" Error: ", StringComparison.Ordinal) || line.Contains(" Critical: ", StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Router.DisposeAsync();
    }
}
