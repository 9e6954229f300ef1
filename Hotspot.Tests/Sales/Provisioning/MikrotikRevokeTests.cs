using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Sales.Provisioning;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Provisioning;

/// <summary>A full refund or a chargeback takes the purchase's access off the router: user, clones, sessions, cookies; nobody else's.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MikrotikRevokeTests(AzuriteFixture azurite)
{
    private const string SecondMac = "6A:1B:2C:3D:4E:5F";
    private const string SecondIp = "192.168.88.176";
    private const string GuestMac = "02:00:00:00:00:99";
    private const string GuestIp = "192.168.88.199";

    [Fact]
    public async Task Revoking_removes_the_user_its_clones_their_sessions_and_cookies_and_nothing_else()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);
        await rig.Client.AddHotspotUserAsync(new NewHotspotUser("invitado", "1234") { Profile = MikrotikProvisioningRig.Profile }, default);
        rig.Router.State.AddHost(GuestMac, GuestIp);
        await rig.Client.LoginHotspotDeviceAsync("invitado", "1234", GuestIp, GuestMac, default);
        var order = await ProvisionedWithTwoDevicesAsync(rig);
        Assert.Contains(await rig.CookiesAsync(), c => c.User.StartsWith(order.Usuario, StringComparison.Ordinal));

        var revoked = await rig.Provisioner.RevokeAsync(order, default);

        Assert.Equal(ProvisioningStatus.Done, revoked.Status);
        Assert.Equal(2, revoked.RouterRoundTrips);
        Assert.Equal("invitado", Assert.Single(await rig.UsersAsync()).Name);
        Assert.Equal(GuestMac, Assert.Single(await rig.SessionsAsync()).MacAddress);
        Assert.All(await rig.CookiesAsync(), c => Assert.Equal("invitado", c.User));
        var json = await MikrotikPurchaseAccessTests.ReconnectAsync(rig, order.Usuario, await rig.PasswordAsync(order), SecondMac, SecondIp);
        Assert.Equal(("expirado", "no_conectado"), (json.GetProperty("estado").GetString(), json.GetProperty("auto_conexion").GetString()));
    }

    [Fact]
    public async Task Revoking_again_or_a_purchase_never_provisioned_is_done_and_touches_no_one_with_the_same_name()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);
        var order = await ProvisionedWithTwoDevicesAsync(rig);
        Assert.Equal(ProvisioningStatus.Done, (await rig.Provisioner.RevokeAsync(order, default)).Status);

        var again = await rig.Provisioner.RevokeAsync(order, default);

        Assert.Equal((ProvisioningStatus.Done, 1), (again.Status, again.RouterRoundTrips));
        var stranger = rig.Order();
        await rig.Client.AddHotspotUserAsync(new NewHotspotUser(stranger.Usuario, "theirs") { Comment = "MODE=RANDMAC TL=600 TA=0" }, default);
        Assert.Equal(ProvisioningStatus.Done, (await rig.Provisioner.RevokeAsync(stranger, default)).Status);
        Assert.Equal(stranger.Usuario, Assert.Single(await rig.UsersAsync()).Name);
    }

    [Fact]
    public async Task A_revoke_cut_off_by_the_router_is_unavailable_and_a_rerun_finishes_it()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);
        var order = await ProvisionedWithTwoDevicesAsync(rig);
        rig.Router.Simulator.Faults.FatalAfter(5, "rebooting");

        var cut = await rig.Provisioner.RevokeAsync(order, default);
        rig.Router.Simulator.Faults.CancelFatalAfter();
        var rerun = await rig.Provisioner.RevokeAsync(order, default);

        Assert.Equal((ProvisioningStatus.RouterUnavailable, ProvisioningStatus.Done), (cut.Status, rerun.Status));
        Assert.Empty(await rig.UsersAsync());
        Assert.Empty(await rig.SessionsAsync());
        Assert.Empty(await rig.CookiesAsync());
    }

    /// <summary>The buyer's device online as the base user, then a second device (a randomized MAC) online as a clone.</summary>
    private static async Task<ProvisioningOrder> ProvisionedWithTwoDevicesAsync(MikrotikProvisioningRig rig)
    {
        rig.Router.State.AddHost(MikrotikProvisioningRig.BuyerMac, MikrotikProvisioningRig.BuyerIp);
        var order = rig.Order(mac: MikrotikProvisioningRig.BuyerMac, ip: MikrotikProvisioningRig.BuyerIp, conexionAutomatica: true);
        Assert.True((await rig.Provisioner.ProvisionAsync(order, default)).LoggedIn);
        rig.Router.State.AddHost(SecondMac, SecondIp);
        var json = await MikrotikPurchaseAccessTests.ReconnectAsync(rig, order.Usuario, await rig.PasswordAsync(order), SecondMac, SecondIp);
        Assert.Equal("conectado", json.GetProperty("auto_conexion").GetString());
        Assert.Equal(2, (await rig.UsersAsync()).Count(u => u.Name.StartsWith(order.Usuario, StringComparison.Ordinal)));
        return order;
    }
}
