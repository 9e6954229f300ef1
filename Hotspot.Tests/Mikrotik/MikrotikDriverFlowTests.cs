using Hotspot.Drivers;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Secrets;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;
using Hotspot.Tests.RouterOs;
using Microsoft.Extensions.Options;

namespace Hotspot.Tests.Mikrotik;

/// <summary>
/// The portal flow of the UniFi issue (authorize, status, de-authorize, lists) through <see cref="IGuestAccessController"/>,
/// this time against the RouterOS simulator over TCP: what the services rely on holds for both router kinds.
/// </summary>
public sealed class MikrotikDriverFlowTests : IAsyncDisposable
{
    private const string GuestMac = "1C:71:25:63:E4:24";
    private static readonly MacAddress Guest = MacAddress.Parse(GuestMac);

    private readonly RunningRouter _router = RunningRouter.Start();
    private readonly RouterOsPool _pool = new(Options.Create(new RouterOsPoolOptions()), TimeProvider.System);
    private readonly LocalSecretStore _secrets = new(TimeProvider.System, null);

    [Fact]
    public async Task A_device_on_the_hotspot_is_authorized_read_back_listed_and_deauthorized()
    {
        var controller = await ControllerAsync();
        _router.State.AddHost(GuestMac, "10.5.50.23");

        var found = await controller.FindDeviceAsync(new GuestDevice(Guest), default);
        var granted = await controller.AuthorizeAsync(new GuestAuthorization(new GuestDevice(Guest), new AccessBudget(TimeSpan.FromMinutes(30))), default);
        var status = await controller.GetStatusAsync(new GuestDevice(Guest), default);
        var active = await controller.ListActiveGuestsAsync(null, default);
        var revoked = await controller.DeauthorizeAsync(new GuestDevice(Guest), default);
        var after = await controller.GetStatusAsync(new GuestDevice(Guest), default);
        var revokedAgain = await controller.DeauthorizeAsync(new GuestDevice(Guest), default);

        Assert.Equal("10.5.50.23", found?.IpAddress);
        Assert.False(found!.Authorized);
        Assert.True(granted.Authorized);
        Assert.Equal(TimeSpan.FromMinutes(30), granted.Limits?.TimeLimit);
        Assert.True(status!.Authorized);
        Assert.Equal(granted.Host.Name, status.Host.Name);
        Assert.Equal(Guest, Assert.Single(active).Mac);
        Assert.True(revoked);
        Assert.False(after!.Authorized);
        Assert.False(revokedAgain);
        Assert.Empty(await controller.ListActiveGuestsAsync(null, default));
    }

    [Fact]
    public async Task Authorizing_again_replaces_the_session_and_adds_the_new_budget_to_what_was_used()
    {
        var controller = await ControllerAsync();
        _router.State.AddHost(GuestMac, "10.5.50.23");
        var device = new GuestDevice(Guest);
        await controller.AuthorizeAsync(new GuestAuthorization(device, new AccessBudget(TimeSpan.FromMinutes(30)), "ana@example.com"), default);
        _router.Simulator.Clock.Advance(TimeSpan.FromMinutes(10));

        var second = await controller.AuthorizeAsync(new GuestAuthorization(device, new AccessBudget(TimeSpan.FromMinutes(30)), "ana@example.com"), default);

        Assert.True(second.Authorized);
        Assert.Equal("ana@example.com", second.Host.Name);
        Assert.Equal(TimeSpan.FromMinutes(30), second.Limits?.TimeLimit);
        Assert.Single(await controller.ListActiveGuestsAsync(null, default));
    }

    [Fact]
    public async Task A_device_the_router_does_not_see_is_reported_as_such_and_nothing_is_created()
    {
        var controller = await ControllerAsync();

        Assert.Null(await controller.FindDeviceAsync(new GuestDevice(Guest), default));
        Assert.Null(await controller.GetStatusAsync(new GuestDevice(Guest), default));
        var error = await Assert.ThrowsAsync<ControllerException>(() =>
            controller.AuthorizeAsync(new GuestAuthorization(new GuestDevice(Guest), new AccessBudget(TimeSpan.FromMinutes(30))), default));

        Assert.Equal(ControllerError.DeviceNotFound, error.Error);
        Assert.Empty(await controller.ListActiveGuestsAsync(null, default));
        var connection = await _router.ConnectAsync();
        Assert.Empty(await connection.GetHotspotUsersAsync(null, default));
    }

    [Fact]
    public async Task A_router_that_is_down_is_a_controller_error_that_names_the_router_without_its_password()
    {
        var controller = await ControllerAsync();
        _router.Simulator.RefuseConnections(true);

        var error = await Assert.ThrowsAsync<ControllerException>(() => controller.TestConnectionAsync(default));

        Assert.Equal(ControllerError.Unavailable, error.Error);
        Assert.Contains("router 3", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RunningRouter.Password, error.Message, StringComparison.Ordinal);
    }

    private async Task<IGuestAccessController> ControllerAsync()
    {
        var router = new RouterEntity
        {
            Id = 3, EmpresaId = 1, Nombre = "Lobby", Tipo = RouterKinds.Mikrotik, Host = "127.0.0.1",
            Puerto = _router.Simulator.ApiPort, Usuario = "admin", TieneSecreto = true,
        };
        await _secrets.SetAsync(SecretNames.RouterPassword(router.Id), RunningRouter.Password, default);
        var controllers = new RouterControllers([new MikrotikRouterDriver(new PooledMikrotikClients(_pool, _secrets), TimeProvider.System)]);
        return controllers.For(router)!;
    }

    public async ValueTask DisposeAsync()
    {
        await _pool.DisposeAsync();
        _secrets.Dispose();
        await _router.DisposeAsync();
    }
}
