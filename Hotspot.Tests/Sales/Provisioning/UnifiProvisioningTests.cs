using Hotspot.Sales.Provisioning;
using Hotspot.Simulators.Unifi;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Provisioning;

/// <summary>
/// A purchase on a UniFi router: an entitlement, and the buyer's device authorized on the controller (the UniFi simulator
/// over HTTPS) for the time bought with the product's limits, once however often it runs; a refund takes it back.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnifiProvisioningTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_buyers_device_is_authorized_for_the_time_bought_with_the_products_limits()
    {
        await using var rig = await UnifiProvisioningRig.StartAsync(azurite);
        rig.Join();

        var result = await rig.Provisioner.ProvisionAsync(rig.Order(tiempoSegundos: 5400, limiteMb: 2048, subidaKbps: 1024, bajadaKbps: 5120), default);

        Assert.Equal((ProvisioningStatus.Done, true), (result.Status, result.LoggedIn));
        var access = rig.PhoneOnController().Access;
        Assert.True(access.Authorized);
        var grant = access.Authorization!;
        Assert.InRange(grant.ExpiresAt - grant.AuthorizedAt, TimeSpan.FromMinutes(89), TimeSpan.FromMinutes(90));
        Assert.Equal((2048L, 5120, 1024), (grant.DataUsageLimitMBytes, grant.RxRateLimitKbps, grant.TxRateLimitKbps));
    }

    [Fact]
    public async Task Provisioning_again_finds_the_authorization_and_does_not_grant_it_twice()
    {
        await using var rig = await UnifiProvisioningRig.StartAsync(azurite);
        rig.Join();
        var order = rig.Order();
        Assert.True((await rig.Provisioner.ProvisionAsync(order, default)).LoggedIn);
        var first = rig.PhoneOnController().Access.Authorization!;

        var again = await rig.Provisioner.ProvisionAsync(order, default);

        Assert.Equal((ProvisioningStatus.Done, true), (again.Status, again.LoggedIn));
        Assert.Equal(1, rig.Authorizations());
        Assert.Equal(first.AuthorizedAt, rig.PhoneOnController().Access.Authorization!.AuthorizedAt);
    }

    [Fact]
    public async Task A_controller_that_fails_is_unavailable_and_a_rerun_grants_no_more_than_the_time_bought()
    {
        await using var rig = await UnifiProvisioningRig.StartAsync(azurite);
        rig.Join();
        var order = rig.Order(tiempoSegundos: 3600);
        var before = DateTimeOffset.UtcNow;
        rig.Simulator.Faults.Add(new UnifiFault(UnifiFault.DropMode, Method: "POST", PathContains: "/actions", Times: 1));

        var dropped = await rig.Provisioner.ProvisionAsync(order, default);
        rig.Simulator.Faults.Add(new UnifiFault(UnifiFault.StatusMode, Status: 503, Method: "GET", Times: 3));
        var failed = await rig.Provisioner.ProvisionAsync(order, default);
        var rerun = await rig.Provisioner.ProvisionAsync(order, default);

        Assert.Equal((ProvisioningStatus.RouterUnavailable, ProvisioningStatus.RouterUnavailable), (dropped.Status, failed.Status));
        Assert.Equal((ProvisioningStatus.Done, true), (rerun.Status, rerun.LoggedIn));
        Assert.True(rig.PhoneOnController().Access.Authorization!.ExpiresAt <= before.AddHours(1).AddMinutes(1));
    }

    [Fact]
    public async Task A_device_not_connected_keeps_its_entitlement_and_is_authorized_when_provisioning_runs_again()
    {
        await using var rig = await UnifiProvisioningRig.StartAsync(azurite);
        var order = rig.Order();

        var away = await rig.Provisioner.ProvisionAsync(order, default);
        rig.Join();
        var back = await rig.Provisioner.ProvisionAsync(order, default);

        Assert.Equal((ProvisioningStatus.Done, false), (away.Status, away.LoggedIn));
        Assert.Equal((ProvisioningStatus.Done, true), (back.Status, back.LoggedIn));
        Assert.True(rig.PhoneOnController().Access.Authorized);
    }

    [Fact]
    public async Task Revoking_unauthorizes_the_device_ends_the_entitlement_and_is_idempotent()
    {
        await using var rig = await UnifiProvisioningRig.StartAsync(azurite);
        rig.Join();
        var order = rig.Order();
        Assert.True((await rig.Provisioner.ProvisionAsync(order, default)).LoggedIn);

        var revoked = await rig.Provisioner.RevokeAsync(order, default);
        var disconnected = rig.Clients().Count;
        var again = await rig.Provisioner.RevokeAsync(order, default);
        rig.Join();
        var late = await rig.Provisioner.ProvisionAsync(order, default);

        Assert.Equal((ProvisioningStatus.Done, ProvisioningStatus.Done, 0), (revoked.Status, again.Status, disconnected));
        Assert.False(late.LoggedIn);
        Assert.False(rig.PhoneOnController().Access.Authorized);
    }

    [Fact]
    public async Task A_revoke_the_controller_cannot_take_is_unavailable_and_a_rerun_finishes_it()
    {
        await using var rig = await UnifiProvisioningRig.StartAsync(azurite);
        rig.Join();
        var order = rig.Order();
        Assert.True((await rig.Provisioner.ProvisionAsync(order, default)).LoggedIn);
        rig.Simulator.Faults.Add(new UnifiFault(UnifiFault.StatusMode, Status: 503, Method: "POST", PathContains: "/actions", Times: 1));

        var failed = await rig.Provisioner.RevokeAsync(order, default);
        var stillOn = rig.PhoneOnController().Access.Authorized;
        var rerun = await rig.Provisioner.RevokeAsync(order, default);

        Assert.Equal((ProvisioningStatus.RouterUnavailable, true), (failed.Status, stillOn));
        Assert.Equal(ProvisioningStatus.Done, rerun.Status);
        Assert.DoesNotContain(rig.Clients(), c => c.Access.Authorized);
    }
}
