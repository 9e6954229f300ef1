using System.Globalization;
using System.Net;
using System.Text.Json;
using Hotspot.Mikrotik;
using Hotspot.Reconnect;
using Hotspot.RouterOs;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.RouterOs;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.Reconnect;

/// <summary>
/// Several devices of one entitlement reconnecting at once through two instances of the app (two DevHosts on the same
/// tables, each with its own connection to the router), with every router reply 20 ms late: whatever the
/// interleaving, one device ends up online, the family can never use more than it has left, and nobody is told that
/// the time is used up while 10 hours remain.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FamilyRaceTests(AzuriteFixture azurite)
{
    private const string Path = "/api/v1/hotspot/auto-reconnect";
    private const string Password = "4821";
    private const int Families = 6;
    private const int DevicesPerFamily = 4;

    private static string Name(int family) => string.Create(CultureInfo.InvariantCulture, $"F{family:D3}");

    private static string Mac(int family, int device) => string.Create(CultureInfo.InvariantCulture, $"02:00:00:{device:X2}:00:{family:X2}");

    private static string Ip(int family, int device) => string.Create(CultureInfo.InvariantCulture, $"10.7.{device}.{family + 10}");

    [Fact]
    public async Task Devices_of_one_family_reconnecting_at_once_on_two_instances_leave_one_session_and_never_overspend()
    {
        var secrets = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hotspot-race-" + Guid.NewGuid().ToString("N") + ".json");
        var shared = new Dictionary<string, string?>
        {
            ["Hotspot:Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
            ["Hotspot:Secrets:LocalFile"] = secrets,
        };
        await using var router = RunningRouter.Start();
        await using var first = await TenancyHost.StartAsync(azurite, shared);
        var root = await first.LoginRootAsync();
        var empresa = await first.CreateEmpresaAsync(root, "Cafe");
        var created = await first.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresa}/routers", root,
            new { nombre = "Cafe", tipo = "mikrotik", host = "127.0.0.1", puerto = router.Simulator.ApiPort, usuario = "admin", password = RunningRouter.Password });
        var (_, apiKey) = await first.IssueApiKeyAsync(root, created.GetProperty("id").GetInt64());
        await using var second = await TenancyHost.StartAsync(azurite, shared);
        TenancyHost[] instances = [first, second];

        var client = await router.ConnectAsync();
        for (var family = 0; family < Families; family++)
        {
            // Bought 12 h, 2 h used by devices that are gone: 10 h left.
            await client.AddHotspotUserAsync(new NewHotspotUser(Name(family), Password) { MacAddress = Mac(family, 0), Comment = "MODE=RANDMAC TL=43200 TA=7200" }, default);
            for (var device = 0; device < DevicesPerFamily; device++)
            {
                router.State.AddHost(Mac(family, device), Ip(family, device));
            }

            // Earlier visits, one at a time: the base holds device 0, clone 1 device 1; nobody is online now.
            Assert.Equal("conectado", (await ReconnectAsync(first, apiKey, family, 0)).GetProperty("auto_conexion").GetString());
            Assert.Equal("conectado", (await ReconnectAsync(first, apiKey, family, 1)).GetProperty("auto_conexion").GetString());
            router.State.RemoveHost(Mac(family, 1));
            router.State.AddHost(Mac(family, 1), Ip(family, 1));
        }

        router.Simulator.Faults.LatencyMs = 20;
        var answers = await Task.WhenAll(
            from family in Enumerable.Range(0, Families)
            from device in Enumerable.Range(0, DevicesPerFamily)
            select ReconnectAsync(instances[(family + device) % 2], apiKey, family, device));
        router.Simulator.Faults.LatencyMs = 0;

        var users = await client.GetHotspotUsersAsync(null, default);
        var sessions = await client.GetHotspotActiveAsync(null, default);
        var audits = Enumerable.Range(0, Families).Select(family => FamilyAudit.Of(Name(family), users, sessions)).ToList();
        Assert.All(audits, audit =>
        {
            Assert.True(audit.LiveSessions <= 1, $"{audit.BaseName}: {audit.LiveSessions} live sessions");
            Assert.True(!audit.Overspends, $"{audit.BaseName}: members can still use {audit.StillUsable} (unbounded: {audit.Unbounded}) of {audit.Left} left");
        });
        Assert.All(answers, answer =>
        {
            var mensaje = answer.GetProperty("mensaje").GetString();
            Assert.NotEqual(Messages.TimeExhausted, mensaje);
            Assert.Equal("activo", answer.GetProperty("estado").GetString());
            // Connected, or told to try again because another device of the account won the race.
            Assert.True(answer.GetProperty("auto_conexion").GetString() == "conectado" || mensaje == Messages.Busy, answer.GetRawText());
        });
        Assert.All(Enumerable.Range(0, Families), family =>
            Assert.Contains(answers, a => a.GetProperty("auto_conexion").GetString() == "conectado" && a.GetProperty("datos_sesion").GetProperty("name").GetString()!.StartsWith(Name(family), StringComparison.Ordinal)));
        File.Delete(secrets);
    }

    private static async Task<JsonElement> ReconnectAsync(TenancyHost host, string apiKey, int family, int device)
    {
        using var response = await host.SendAsync(HttpMethod.Post, Path, apiKey: apiKey, json: new
        {
            username = Name(family), password = Password, stored_mac = Mac(family, 0), current_mac = Mac(family, device), current_ip = Ip(family, device),
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
