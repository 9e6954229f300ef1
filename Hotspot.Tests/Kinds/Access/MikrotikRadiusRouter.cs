using Hotspot.Testing;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Radius;
using Hotspot.Tests.Sales.Purchases;

namespace Hotspot.Tests.Kinds.Access;

/// <summary>
/// A MikroTik behind NAT, in RADIUS mode: access is an Access-Accept from real FreeRADIUS (through rlm_rest and the
/// DevHost) to a CHAP login sent by radclient, as the router would send it for the guest.
/// </summary>
internal sealed class MikrotikRadiusRouter : RouterUnderTest
{
    private RunningFreeRadius? _radius;

    public override bool Radius => true;

    public override Dictionary<string, string?> Settings => new() { ["Hotspot:Radius:RestSecret"] = RadiusRig.RestSecret };

    public override async Task StartedAsync(SalesWorld world) =>
        _radius = await RunningFreeRadius.StartAsync(world.Host.Host.Client.BaseAddress!, RadiusRig.RestSecret, RadiusRig.UdpSecret);

    public override async Task<bool> HasAccessAsync(SalesWorld world, string mac, string usuario, string contrasena)
    {
        var login = $"User-Name = \"{usuario}\"\nCHAP-Password = \"{contrasena}\"\nCalling-Station-Id = \"{mac}\"\n" +
                    $"NAS-Identifier = \"{world.RadiusNasIdentifier}\"\nMessage-Authenticator = 0x00\n";
        var reply = await Radclient.SendAsync(_radius!.AuthPort, "auth", RadiusRig.UdpSecret, login);
        return reply?.Code == "Access-Accept";
    }

    public override int GrantsSentToRouter(SalesWorld world) => world.Router.Simulator.Sentences.All().Count;

    public override bool RouterEverContacted(SalesWorld world) => world.Router.Simulator.Sentences.All().Count > 0;

    protected override async ValueTask StopAsync()
    {
        if (_radius is not null)
        {
            await _radius.DisposeAsync();
        }
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class MikrotikRadiusAccessContract(AzuriteFixture azurite) : KindAccessContract(azurite)
{
    protected override string KindName => "mikrotik-radius";

    internal override Task<RouterUnderTest> CreateRouterAsync() => Task.FromResult<RouterUnderTest>(new MikrotikRadiusRouter());
}
