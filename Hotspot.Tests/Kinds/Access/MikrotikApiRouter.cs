using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Sales.Purchases;

namespace Hotspot.Tests.Kinds.Access;

/// <summary>A MikroTik reached over its RouterOS API: access is the purchase's hotspot user on the simulator.</summary>
internal sealed class MikrotikApiRouter : RouterUnderTest
{
    public override Task<bool> HasAccessAsync(SalesWorld world, string mac, string usuario, string contrasena) =>
        Task.FromResult(world.Router.State.Snapshot()["/ip/hotspot/user"].Any(u =>
            u.GetValueOrDefault("name") == usuario && u.GetValueOrDefault("password") == contrasena && u.GetValueOrDefault("disabled") != "true"));

    public override int GrantsSentToRouter(SalesWorld world) => world.UserAdds();

    private int _sentencesAtStart;

    public override IReadOnlyList<string> Secrets => [Hotspot.Tests.RouterOs.RunningRouter.Password];

    /// <summary>The test's own setup (the hotspot profile) talked to the router too: only what came after counts.</summary>
    public override Task StartedAsync(SalesWorld world)
    {
        _sentencesAtStart = world.Router.Simulator.Sentences.All().Count;
        return Task.CompletedTask;
    }

    public override bool RouterEverContacted(SalesWorld world) => world.Router.Simulator.Sentences.All().Count > _sentencesAtStart;
}

[Collection(AzuriteCollection.Name)]
public sealed class MikrotikApiAccessContract(AzuriteFixture azurite) : KindAccessContract(azurite)
{
    protected override string KindName => "mikrotik-api";

    internal override Task<RouterUnderTest> CreateRouterAsync() => Task.FromResult<RouterUnderTest>(new MikrotikApiRouter());
}
