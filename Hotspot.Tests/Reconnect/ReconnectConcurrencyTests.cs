using System.Globalization;
using Hotspot.Mikrotik;
using Hotspot.Reconnect;
using Hotspot.RouterOs;
using Hotspot.Tests.Infrastructure;
using static Hotspot.Tests.Reconnect.ReconnectRig;

namespace Hotspot.Tests.Reconnect;

/// <summary>Many devices of one entitlement at once, and time that is shared but never exceeded.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReconnectConcurrencyTests(AzuriteFixture azurite)
{
    private static string Mac(int i) => string.Create(CultureInfo.InvariantCulture, $"02:00:00:00:{i / 256:X2}:{i % 256:X2}");

    private static string Ip(int i) => string.Create(CultureInfo.InvariantCulture, $"10.5.{i / 200}.{(i % 200) + 10}");

    [Fact]
    public async Task Thirty_devices_at_once_make_exactly_fifteen_clones_and_every_answer_is_valid()
    {
        await using var rig = await StartAsync(azurite);
        await rig.AddRandmacBaseAsync();
        var second = await rig.Router.ConnectAsync();
        for (var i = 0; i < 30; i++)
        {
            rig.Join(Mac(i), Ip(i));
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => rig.ReconnectAsync(Mac(i), Ip(i), client: i % 2 == 0 ? rig.Client : second)));

        var users = await rig.UsersAsync();
        var clones = users.Where(u => u.Name.StartsWith(Base + "_RANDMAC", StringComparison.Ordinal)).ToList();
        Assert.Equal(15, clones.Count);
        Assert.Equal(Enumerable.Range(1, 15).Select(n => $"{Base}_RANDMAC{n}"), clones.Select(c => c.Name).Order(StringComparer.Ordinal).OrderBy(n => n.Length));
        Assert.All(responses, r =>
        {
            Assert.Equal("activo", r.Estado);
            Assert.True(r.Success);
            Assert.Contains(r.AutoConexion, new[] { "conectado", "no_conectado" });
            Assert.Null(r.ErrorDetalle);
            Assert.True(r.AutoConexion == "conectado" || !string.IsNullOrEmpty(r.Mensaje));
        });
        Assert.Contains(responses, r => r.AutoConexion == "conectado");
        // Each MAC is held by at most one member of the family.
        Assert.Equal(users.Count(u => u.MacAddress is not null), users.Select(u => u.MacAddress).Where(m => m is not null).Distinct().Count());
    }

    [Fact]
    public async Task The_same_mac_ten_times_at_once_makes_one_clone()
    {
        await using var rig = await StartAsync(azurite);
        await rig.AddRandmacBaseAsync();
        var second = await rig.Router.ConnectAsync();
        rig.Join(NewMac, NewIp);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => rig.ReconnectAsync(NewMac, NewIp, client: i % 2 == 0 ? rig.Client : second)));

        var clone = Assert.Single(await rig.UsersAsync(), u => u.Name != Base);
        Assert.Equal((Base + "_RANDMAC1", NewMac), (clone.Name, clone.MacAddress));
        Assert.All(responses, r => Assert.Equal(Base + "_RANDMAC1", r.DatosSesion!["name"]));
        Assert.Contains(responses, r => r.AutoConexion == "conectado");
    }

    [Fact]
    public async Task Shared_time_never_exceeds_what_was_bought_under_any_interleaving()
    {
        const int Bought = 600;
        await using var rig = await StartAsync(azurite);
        await rig.AddRandmacBaseAsync(mac: null, comment: $"MODE=RANDMAC TL={Bought} TA=0");
        var random = new Random(20261122);
        for (var i = 0; i < 6; i++)
        {
            rig.Join(Mac(i), Ip(i));
        }

        for (var step = 0; step < 40; step++)
        {
            var device = random.Next(6);
            switch (random.Next(3))
            {
                case 0:
                    await rig.ReconnectAsync(Mac(device), Ip(device));
                    break;
                case 1:
                    // A device logs in straight through the hotspot (e.g. by its MAC cookie), bypassing Hotspot.
                    var holder = (await rig.UsersAsync()).FirstOrDefault(u => u.MacAddress == Mac(device));
                    if (holder is not null)
                    {
                        await rig.Client.SendAsync(
                            new RouterOsCommand(MikrotikMenus.HotspotActive + "/login").With("user", holder.Name).With("password", Password)
                                .With("mac-address", Mac(device)).With("ip", Ip(device)),
                            default);
                    }

                    break;
                default:
                    rig.Leave(Mac(device));
                    rig.Join(Mac(device), Ip(device));
                    break;
            }

            rig.Advance(TimeSpan.FromSeconds(random.Next(0, 40)));
            Assert.True(await UsedAsync(rig) <= Bought, $"step {step}: {await UsedAsync(rig)} s used of {Bought}");
        }

        rig.Advance(TimeSpan.FromHours(2));
        Assert.True(await UsedAsync(rig) <= Bought);
        var last = await rig.ReconnectAsync(Mac(0), Ip(0));
        Assert.True(last.Estado == "expirado" || last.TiempoRestante is not null);
    }

    /// <summary>TA plus every member's closed sessions and live sessions, as the router counts them.</summary>
    private static async Task<long> UsedAsync(ReconnectRig rig)
    {
        var users = await rig.UsersAsync();
        var markers = RandmacMarkers.Parse(users.Single(u => u.Name == Base).Comment)!;
        var live = (await rig.SessionsAsync()).Sum(s => (long)s.Uptime.TotalSeconds);
        return markers.TimeAccumulatedSeconds + users.Sum(u => (long)u.Uptime.TotalSeconds) + live;
    }
}
