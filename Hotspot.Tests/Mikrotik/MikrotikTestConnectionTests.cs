using System.Net;
using Hotspot.Secrets;
using Hotspot.Storage;
using Hotspot.Tenancy;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Portal;
using Hotspot.Tests.RouterOs;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Mikrotik;

/// <summary><c>POST /api/v1/admin/routers/{id}/test-connection</c> on the DevHost against the RouterOS simulator over TCP.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MikrotikTestConnectionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_admin_tests_a_MikroTik_router_and_sees_its_version_or_why_it_failed_without_the_password()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        var host = world.Host;

        var ok = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, world.RouterPath + "/test-connection", world.RootToken);
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, world.RouterPath, world.RootToken, new { password = "wrong-pass-31" });
        using var rejected = await host.SendAsync(HttpMethod.Post, world.RouterPath + "/test-connection", world.RootToken);
        var rejectedText = await rejected.Content.ReadAsStringAsync();
        var failed = System.Text.Json.JsonDocument.Parse(rejectedText).RootElement;

        Assert.True(ok.GetProperty("ok").GetBoolean());
        Assert.Equal("mikrotik", ok.GetProperty("tipo").GetString());
        Assert.Equal("7.14.3 (stable)", ok.GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.False(failed.GetProperty("ok").GetBoolean());
        Assert.Equal("credentials_rejected", failed.GetProperty("error").GetString());
        Assert.DoesNotContain("wrong-pass-31", rejectedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_change_that_loses_to_a_concurrent_edit_is_never_used()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        var routers = world.Host.Host.Services.GetRequiredService<RouterStore>();
        var first = (await routers.GetAsync(world.RouterId, default))!;
        var second = (await routers.GetAsync(world.RouterId, default))!;

        first.Nombre = "Lobby renamed";
        await routers.UpdateAsync(first, newSecret: null, default);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => routers.UpdateAsync(second, "lost-pass-77", default));

        // No connection is pooled yet: this one reads the password the stored row names.
        var connected = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, world.RouterPath + "/test-connection", world.RootToken);
        Assert.True(connected.GetProperty("ok").GetBoolean());
        Assert.Equal(RunningRouter.Password, await RouterStore.ReadSecretAsync(
            world.Host.Host.Services.GetRequiredService<ISecretStore>(), (await routers.GetAsync(world.RouterId, default))!, default));
    }

    [Fact]
    public async Task A_router_that_refuses_connections_is_reported_unavailable()
    {
        await using var world = await MikrotikWorld.StartAsync(azurite);
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, world.RouterPath, world.RootToken, new { puerto = closedPort, password = RunningRouter.Password });

        var failed = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, world.RouterPath + "/test-connection", world.RootToken);

        Assert.False(failed.GetProperty("ok").GetBoolean());
        Assert.Equal("unavailable", failed.GetProperty("error").GetString());
    }
}
