using System.Net;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Sweeper;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.RouterOs;
using Hotspot.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Sweeper;

/// <summary>The sweep as an operator and the timer run it: over the DevHost, on every active router, one dead router not stalling the rest.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SweepHttpTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_super_admin_sweeps_one_router_and_reads_what_was_done()
    {
        await using var router = RunningRouter.Start();
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Cafe");
        var routerId = await CreateRouterAsync(host, root, empresa, router.Simulator.ApiPort);
        var client = await router.ConnectAsync();
        await client.AddHotspotUserAsync(new NewHotspotUser("PT-OLD", "pw") { LimitUptime = TimeSpan.FromSeconds(1) }, default);
        router.State.AddHost("02:00:00:00:00:01", "10.5.50.1");
        await client.LoginHotspotDeviceAsync("PT-OLD", "pw", "10.5.50.1", "02:00:00:00:00:01", default);
        router.Simulator.Clock.Advance(TimeSpan.FromSeconds(5));

        var report = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/admin/routers/{routerId}/sweep", root);

        Assert.Equal(1, report.GetProperty("expired_users_removed").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, report.GetProperty("error").ValueKind);
        Assert.Empty(await client.GetHotspotUsersAsync(null, default));
        await host.CreateUsuarioAsync(root, "ops@cafe.test", "cliente_admin", empresa);
        var cliente = await host.LoginAsync("ops@cafe.test", TenancyHost.ClientePassword);
        await host.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/api/v1/admin/routers/{routerId}/sweep", cliente);
    }

    [Fact]
    public async Task The_timer_sweeps_every_active_router_and_a_dead_one_does_not_stall_the_rest()
    {
        await using var alive = RunningRouter.Start();
        await using var dead = RunningRouter.Start();
        dead.Simulator.Faults.Silent = true;
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Cafe");
        await CreateRouterAsync(host, root, empresa, dead.Simulator.ApiPort);
        await CreateRouterAsync(host, root, empresa, alive.Simulator.ApiPort);
        var client = await alive.ConnectAsync();
        await client.AddHotspotUserAsync(new NewHotspotUser("PT-OLD", "pw") { LimitUptime = TimeSpan.FromSeconds(1) }, default);
        alive.State.AddHost("02:00:00:00:00:01", "10.5.50.1");
        await client.LoginHotspotDeviceAsync("PT-OLD", "pw", "10.5.50.1", "02:00:00:00:00:01", default);
        alive.Simulator.Clock.Advance(TimeSpan.FromSeconds(5));

        var job = host.Host.Services.GetRequiredService<SweepJob>();
        await job.RunAsync(CancellationToken.None);

        Assert.Empty(await client.GetHotspotUsersAsync(null, default));
    }

    private static async Task<long> CreateRouterAsync(TenancyHost host, string root, long empresa, int port)
    {
        var created = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            new { nombre = "R" + port, tipo = "mikrotik", host = "127.0.0.1", puerto = port, usuario = "admin", password = RunningRouter.Password });
        return created.GetProperty("id").GetInt64();
    }
}
