using System.Net;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.Reconnect;
using Hotspot.RouterOs;
using Hotspot.Storage;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.RouterOs;
using Hotspot.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Reconnect;

/// <summary><c>primera_sesion</c> over HTTP: recorded at the first connection, then answered without reading the table again.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PrimeraSesionTests(AzuriteFixture azurite)
{
    private const string Mac = "11:22:33:44:55:66";
    private const string Ip = "192.168.88.175";

    [Fact]
    public async Task Primera_sesion_is_read_from_the_table_once_recorded_and_never_again()
    {
        await using var router = RunningRouter.Start();
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var empresa = await host.CreateEmpresaAsync(root, "Cafe");
        var created = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            new { nombre = "Cafe", tipo = "mikrotik", host = "127.0.0.1", puerto = router.Simulator.ApiPort, usuario = "admin", password = RunningRouter.Password });
        var (_, apiKey) = await host.IssueApiKeyAsync(root, created.GetProperty("id").GetInt64());
        var client = await router.ConnectAsync();
        await client.AddHotspotUserAsync(new NewHotspotUser("AB3C9D", "4821") { Comment = "MODE=RANDMAC TL=36000 TA=0" }, default);
        var counter = host.Host.Services.GetRequiredService<StorageRequestCounter>();
        var table = host.Host.Services.GetRequiredService<TableStore>().TableName(FirstSessionStore.Table);

        // Not on the hotspot yet: nothing is recorded, and nothing is remembered either.
        var away = await ReconnectAsync(host, apiKey);
        Assert.Equal(("no_conectado", JsonValueKind.Null), (away.GetProperty("auto_conexion").GetString(), away.GetProperty("primera_sesion").ValueKind));

        router.State.AddHost(Mac, Ip);
        var firstVisit = await ReconnectAsync(host, apiKey);
        Assert.Equal("conectado", firstVisit.GetProperty("auto_conexion").GetString());
        var recorded = firstVisit.GetProperty("primera_sesion").GetString();
        Assert.NotNull(recorded);

        var readsBefore = counter.RequestsTo(table);
        for (var visit = 0; visit < 5; visit++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(10));
            router.State.RemoveHost(Mac);
            router.State.AddHost(Mac, Ip);
            var later = await ReconnectAsync(host, apiKey);
            Assert.Equal(("conectado", recorded), (later.GetProperty("auto_conexion").GetString(), later.GetProperty("primera_sesion").GetString()));
        }

        Assert.Equal(readsBefore, counter.RequestsTo(table));
    }

    private static async Task<JsonElement> ReconnectAsync(TenancyHost host, string apiKey)
    {
        using var response = await host.SendAsync(HttpMethod.Post, "/api/v1/hotspot/auto-reconnect", apiKey: apiKey,
            json: new { username = "AB3C9D", password = "4821", current_mac = Mac, current_ip = Ip });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
