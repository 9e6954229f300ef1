using System.Globalization;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Tests.Infrastructure;
using static Hotspot.Tests.Reconnect.ReconnectRig;

namespace Hotspot.Tests.Reconnect;

/// <summary>Fifteen clones: the idlest one without a session is re-bound; when every one is online, the limit is said.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReconnectSlotLimitTests(AzuriteFixture azurite)
{
    private static string Mac(int i) => string.Create(CultureInfo.InvariantCulture, $"02:00:00:00:01:{i:X2}");

    private static string Ip(int i) => string.Create(CultureInfo.InvariantCulture, $"10.5.60.{i + 10}");

    [Fact]
    public async Task With_every_clone_online_a_new_device_is_told_the_limit_and_one_going_offline_frees_its_slot()
    {
        await using var rig = await StartAsync(azurite);
        await rig.AddRandmacBaseAsync(mac: Mac(0), comment: "MODE=RANDMAC TL=0 TA=0");
        for (var slot = 1; slot <= 15; slot++)
        {
            // Fifteen devices that joined earlier and are online through the hotspot itself.
            await rig.Client.AddHotspotUserAsync(
                new NewHotspotUser($"{Base}_RANDMAC{slot}", Password) { Profile = "5Mbps-1hora", MacAddress = Mac(slot), Comment = "MODE=RANDMAC TL=0 TA=0" }, default);
            rig.Join(Mac(slot), Ip(slot));
            await rig.Client.LoginHotspotDeviceAsync($"{Base}_RANDMAC{slot}", Password, Ip(slot), Mac(slot), default);
        }

        rig.Join(NewMac, NewIp);
        var full = await rig.ReconnectAsync(NewMac, NewIp);

        Assert.Equal(("activo", "no_conectado", "Límite de dispositivos alcanzado"), (full.Estado, full.AutoConexion, full.Mensaje));
        Assert.Equal(15, (await rig.SessionsAsync()).Count);
        Assert.Equal(16, (await rig.UsersAsync()).Count);

        rig.Leave(Mac(7));
        var rebound = await rig.ReconnectAsync(NewMac, NewIp);

        Assert.Equal(("conectado", $"{Base}_RANDMAC7"), (rebound.AutoConexion, rebound.DatosSesion!["name"]));
        Assert.Equal(NewMac, (await rig.UsersAsync()).Single(u => u.Name == $"{Base}_RANDMAC7").MacAddress);
        Assert.Equal(16, (await rig.UsersAsync()).Count);
    }
}
