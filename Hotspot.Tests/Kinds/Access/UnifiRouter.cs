using System.Text.Json;
using System.Text.Json.Nodes;
using Hotspot.Drivers;
using Hotspot.Simulators.Unifi;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Sales.Purchases;
using Hotspot.Tests.Unifi;

namespace Hotspot.Tests.Kinds.Access;

/// <summary>A UniFi console on the UniFi simulator, local or through its Site Manager connector: access is the client's authorization there.</summary>
internal sealed class UnifiRouter : RouterUnderTest
{
    private readonly bool _throughSiteManager;
    private readonly UnifiSimulator _simulator;

    private UnifiRouter(UnifiSimulator simulator, bool throughSiteManager, string apiKey) =>
        (_simulator, _throughSiteManager, ApiKey) = (simulator, throughSiteManager, apiKey);

    public string ApiKey { get; }

    public override IReadOnlyList<string> Secrets => [ApiKey];

    public static async Task<UnifiRouter> StartAsync(bool throughSiteManager)
    {
        var key = (throughSiteManager ? "sm-contract-" : "local-contract-") + Guid.NewGuid().ToString("N")[..12];
        var options = throughSiteManager ? new UnifiSimulatorOptions { SiteManagerApiKey = key } : new UnifiSimulatorOptions { ApiKey = key };
        return new UnifiRouter(await UnifiSimulator.StartAsync(options, CancellationToken.None), throughSiteManager, key);
    }

    public override Dictionary<string, string?> Settings => _throughSiteManager ? AdminSession.SiteManagerSettings(_simulator) : [];

    public override object RouterBody
    {
        get
        {
            var body = JsonSerializer.SerializeToNode(_throughSiteManager ? AdminSession.SiteManagerRouter(ApiKey) : AdminSession.UnifiRouter(_simulator, ApiKey))!.AsObject();
            // The page the buyer returns to after paying must be one the operator allows.
            body["hosts_login"] = new JsonArray(new Uri(SalesWorld.LoginUrl).Host);
            return body;
        }
    }

    public override Task JoinAsync(SalesWorld world, string mac)
    {
        _simulator.State.Join(MacAddress.Parse(mac), "default");
        return Task.CompletedTask;
    }

    public override Task<bool> HasAccessAsync(SalesWorld world, string mac, string usuario, string contrasena)
    {
        var device = MacAddress.Parse(mac);
        var client = _simulator.State.Clients(_simulator.State.AddSite("default"), withAuthorization: true)
            .SingleOrDefault(c => MacAddress.Parse(c.MacAddress) == device);
        return Task.FromResult(client?.Access is { Authorized: true });
    }

    public override int GrantsSentToRouter(SalesWorld world) =>
        _simulator.State.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal) && r.EndsWith("/actions", StringComparison.Ordinal));

    public override bool RouterEverContacted(SalesWorld world) => _simulator.State.Requests.Count > 0;

    protected override ValueTask StopAsync() => _simulator.DisposeAsync();
}

[Collection(AzuriteCollection.Name)]
public sealed class UnifiLocalAccessContract(AzuriteFixture azurite) : KindAccessContract(azurite)
{
    protected override string KindName => "unifi";

    internal override async Task<RouterUnderTest> CreateRouterAsync() => await UnifiRouter.StartAsync(throughSiteManager: false);
}

[Collection(AzuriteCollection.Name)]
public sealed class UnifiSiteManagerAccessContract(AzuriteFixture azurite) : KindAccessContract(azurite)
{
    protected override string KindName => "unifi-site-manager";

    internal override async Task<RouterUnderTest> CreateRouterAsync() => await UnifiRouter.StartAsync(throughSiteManager: true);
}
