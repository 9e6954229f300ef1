using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Sales.Provisioning;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Provisioning;

/// <summary>A paid purchase becomes one hotspot user on a MikroTik router (the simulator over TCP), however often it is provisioned.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MikrotikProvisioningTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_purchase_becomes_one_randmac_user_with_the_products_time_profile_data_and_a_derived_password()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);
        var order = rig.Order(tiempoSegundos: 5400, limiteMb: 500);

        var result = await rig.Provisioner.ProvisionAsync(order, default);

        Assert.Equal(ProvisioningStatus.Done, result.Status);
        Assert.Equal(1, result.RouterRoundTrips);
        var user = Assert.Single(await rig.UsersAsync());
        Assert.Equal(order.Usuario, user.Name);
        Assert.Equal(await rig.PasswordAsync(order), user.Password);
        Assert.Equal(MikrotikProvisioningRig.Profile, user.Profile);
        Assert.Equal(TimeSpan.FromSeconds(5400), user.LimitUptime);
        Assert.Equal($"MODE=RANDMAC TL=5400 TA=0 COMPRA={order.CompraId}", user.Comment);
        var row = (await rig.Client.SendAsync(HotspotCommands.FindUser(order.Usuario).Proplist("limit-bytes-total"), default)).EnsureSuccess().Rows[0];
        Assert.Equal("524288000", row["limit-bytes-total"]);
    }

    [Fact]
    public async Task Provisioning_again_finds_the_user_and_adds_no_other()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);
        var order = rig.Order();
        Assert.Equal(ProvisioningStatus.Done, (await rig.Provisioner.ProvisionAsync(order, default)).Status);

        var again = await rig.Provisioner.ProvisionAsync(order, default);
        var third = await rig.Provisioner.ProvisionAsync(order, default);

        Assert.Equal((ProvisioningStatus.Done, ProvisioningStatus.Done), (again.Status, third.Status));
        var user = Assert.Single(await rig.UsersAsync());
        Assert.Equal(await rig.PasswordAsync(order), user.Password);
        Assert.Equal(1, again.RouterRoundTrips);
    }

    [Fact]
    public async Task Two_purchases_make_two_users_each_with_its_own_password()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);
        var (first, second) = (rig.Order(), rig.Order());

        await Task.WhenAll(rig.Provisioner.ProvisionAsync(first, default), rig.Provisioner.ProvisionAsync(second, default));

        var users = (await rig.UsersAsync()).ToDictionary(u => u.Name);
        Assert.Equal(2, users.Count);
        Assert.Equal(await rig.PasswordAsync(first), users[first.Usuario].Password);
        Assert.Equal(await rig.PasswordAsync(second), users[second.Usuario].Password);
        Assert.NotEqual(users[first.Usuario].Password, users[second.Usuario].Password);
    }
}
