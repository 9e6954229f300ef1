using System.Globalization;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Sales.Provisioning;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Provisioning;

/// <summary>
/// Provisioning when the router fails part-way, is down, or holds the name for someone else: a rerun always ends with
/// exactly one user for the purchase, with the same password; nothing of anyone else's is touched.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MikrotikProvisioningFaultTests(AzuriteFixture azurite)
{
    private const int Steps = 8;

    [Fact]
    public async Task A_connection_dropped_after_the_add_reached_the_router_is_repaired_by_a_rerun_with_one_user_and_the_same_password()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);
        await rig.WarmAsync();
        var order = rig.Order();
        rig.Router.Simulator.Faults.DropMidReplyNext = true;

        var first = await rig.Provisioner.ProvisionAsync(order, default);

        Assert.Equal(ProvisioningStatus.RouterUnavailable, first.Status);
        Assert.Equal(order.Usuario, Assert.Single(await rig.UsersAsync(), u => u.Name == order.Usuario).Name);
        var rerun = await rig.Provisioner.ProvisionAsync(order, default);
        Assert.Equal(ProvisioningStatus.Done, rerun.Status);
        var user = Assert.Single(await rig.UsersAsync(), u => u.Name == order.Usuario);
        Assert.Equal(await rig.PasswordAsync(order), user.Password);
        Assert.Contains($"COMPRA={order.CompraId}", user.Comment, StringComparison.Ordinal);
    }

    /// <summary>
    /// The router dies (<c>!fatal</c>, connection closed) at each command in turn: the connection's login, the add, the
    /// read of the name, auto-reconnect's three reads, its login of the device and its check that the device is online
    /// (reads are repeated by the pool on a fresh connection; writes are not). Every rerun ends with one user, the same
    /// password, and the device logged in.
    /// </summary>
    [Fact]
    public async Task A_router_dying_at_every_step_and_a_rerun_leave_exactly_one_user_per_purchase_and_the_buyer_online()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);
        var failures = 0;
        for (var step = 0; step < Steps; step++)
        {
            var (mac, ip) = (string.Create(CultureInfo.InvariantCulture, $"02:00:00:00:01:{step:X2}"), string.Create(CultureInfo.InvariantCulture, $"10.5.50.{step + 10}"));
            rig.Router.State.AddHost(mac, ip);
            var order = rig.Order(mac: mac, ip: ip, conexionAutomatica: true);
            rig.Router.Simulator.Faults.FatalAfter(step, "rebooting");

            var first = await rig.Provisioner.ProvisionAsync(order, default);
            rig.Router.Simulator.Faults.CancelFatalAfter();
            failures += first.Status == ProvisioningStatus.RouterUnavailable || !first.LoggedIn ? 1 : 0;
            var rerun = await rig.Provisioner.ProvisionAsync(order, default);

            Assert.True(first.Status is ProvisioningStatus.Done or ProvisioningStatus.RouterUnavailable, $"step {step}: {first}");
            Assert.True(rerun.Status == ProvisioningStatus.Done && rerun.LoggedIn, $"step {step}: {rerun}");
            var ours = (await rig.UsersAsync()).Where(u => u.Comment?.Contains($"COMPRA={order.CompraId}", StringComparison.Ordinal) == true).ToList();
            Assert.Equal(order.Usuario, Assert.Single(ours).Name);
            Assert.Equal(await rig.PasswordAsync(order), ours[0].Password);
            Assert.Single(await rig.SessionsAsync(), s => s.MacAddress == mac && s.User == order.Usuario);
        }

        Assert.Equal(Steps, (await rig.UsersAsync()).Count);
        Assert.True(failures >= 3, $"the connection's login, the read of the name and the device's login should have failed; {failures} did");
    }

    [Fact]
    public async Task A_name_held_by_a_user_without_the_purchases_marker_is_reported_taken_and_left_as_it_was()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);
        var order = rig.Order();
        await rig.Client.AddHotspotUserAsync(new NewHotspotUser(order.Usuario, "theirs") { Comment = "MODE=RANDMAC TL=600 TA=0 COMPRA=someone-else" }, default);

        var result = await rig.Provisioner.ProvisionAsync(order, default);

        Assert.Equal(ProvisioningStatus.NameTakenByAnother, result.Status);
        var user = Assert.Single(await rig.UsersAsync());
        Assert.Equal(("theirs", "MODE=RANDMAC TL=600 TA=0 COMPRA=someone-else"), (user.Password, user.Comment));

        var renamed = order with { Usuario = PurchaseCredentials.NewUserName() };
        Assert.Equal(ProvisioningStatus.Done, (await rig.Provisioner.ProvisionAsync(renamed, default)).Status);
        Assert.Equal(await rig.PasswordAsync(renamed), (await rig.UsersAsync()).Single(u => u.Name == renamed.Usuario).Password);
    }

    [Fact]
    public async Task A_router_that_refuses_connections_or_never_answers_is_unavailable_and_gets_no_user()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);
        rig.Router.Simulator.RefuseConnections(true);

        var refused = await rig.Provisioner.ProvisionAsync(rig.Order(), default);

        Assert.Equal(ProvisioningStatus.RouterUnavailable, refused.Status);
        rig.Router.Simulator.RefuseConnections(false);
        var order = rig.Order();
        Assert.Equal(ProvisioningStatus.Done, (await rig.Provisioner.ProvisionAsync(order, default)).Status);

        rig.Router.Simulator.Faults.Silent = true;
        var silent = await rig.Provisioner.ProvisionAsync(rig.Order(), default);

        Assert.Equal(ProvisioningStatus.RouterUnavailable, silent.Status);
        rig.Router.Simulator.Faults.Silent = false;
        Assert.Equal(order.Usuario, Assert.Single(await rig.UsersAsync()).Name);
    }

    [Fact]
    public async Task A_profile_the_router_does_not_have_or_another_companys_router_is_rejected_without_a_user()
    {
        await using var rig = await MikrotikProvisioningRig.StartAsync(azurite);

        var noProfile = await rig.Provisioner.ProvisionAsync(rig.Order(perfil: "gone"), default);
        var otherCompany = await rig.Provisioner.ProvisionAsync(rig.Order() with { EmpresaId = rig.EmpresaId + 1000 }, default);

        Assert.Equal((ProvisioningStatus.Rejected, ProvisioningStatus.Rejected), (noProfile.Status, otherCompany.Status));
        Assert.Contains("profile", noProfile.Detail, StringComparison.Ordinal);
        Assert.Empty(await rig.UsersAsync());
    }
}
