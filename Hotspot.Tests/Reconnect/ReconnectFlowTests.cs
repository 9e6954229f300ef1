using Hotspot.Mikrotik;
using Hotspot.Reconnect;
using Hotspot.RouterOs;
using Hotspot.Tests.Infrastructure;
using static Hotspot.Tests.Reconnect.ReconnectRig;

namespace Hotspot.Tests.Reconnect;

/// <summary>Seed 000's flow against the RouterOS simulator over TCP.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReconnectFlowTests(AzuriteFixture azurite)
{
    private const string OtherMac = "22:33:44:55:66:77";

    [Fact]
    public async Task The_seeds_connected_example_a_new_mac_gets_the_next_clone()
    {
        await using var rig = await StartAsync(azurite);
        await rig.AddRandmacBaseAsync();
        // The base's own device used 14 s; a second device made clone 1 and left without using any time.
        rig.Join(StoredMac, "192.168.88.10");
        Assert.Equal(AutoConexion.Conectado, (await rig.ReconnectAsync(StoredMac, "192.168.88.10")).AutoConexion);
        rig.Advance(TimeSpan.FromSeconds(14));
        rig.Leave(StoredMac);
        rig.Join(OtherMac, "192.168.88.11");
        Assert.Equal("AB3C9D_RANDMAC1", (await rig.ReconnectAsync(OtherMac, "192.168.88.11")).DatosSesion!["name"]);
        rig.Leave(OtherMac);

        rig.Join(NewMac, NewIp);
        var response = await rig.ReconnectAsync(NewMac, NewIp);

        Assert.True(response.Success);
        Assert.Equal("activo", response.Estado);
        Assert.Equal("conectado", response.AutoConexion);
        Assert.Equal(
            new Dictionary<string, string>
            {
                [".id"] = response.DatosSesion![".id"],
                ["name"] = "AB3C9D_RANDMAC2",
                ["profile"] = "5Mbps-1hora",
                ["mac-address"] = "11:22:33:44:55:66",
                ["comment"] = "MODE=RANDMAC TL=3600 TA=1800",
                ["disabled"] = "no",
            },
            response.DatosSesion);
        Assert.StartsWith("*", response.DatosSesion[".id"], StringComparison.Ordinal);
        Assert.Equal("11:22:33:44:55:66", response.NuevaMac);
        Assert.Equal("00:30:14", response.TiempoAcumulado);
        Assert.Equal("00:29:46", response.TiempoRestante);
        Assert.Null(response.Mensaje);
        Assert.Null(response.ErrorDetalle);
        Assert.Equal("2026-11-22T12:00:00.000000", response.PrimeraSesion);

        var session = Assert.Single(await rig.SessionsAsync());
        Assert.Equal(("AB3C9D_RANDMAC2", NewMac, NewIp), (session.User, session.MacAddress, session.Address));
        var cookie = Assert.Single(await rig.CookiesAsync(), c => c.MacAddress == NewMac);
        Assert.Equal("AB3C9D_RANDMAC2", cookie.User);
    }

    [Fact]
    public async Task The_seeds_expired_example_an_unknown_user()
    {
        await using var rig = await StartAsync(azurite);
        var response = await rig.ReconnectAsync(NewMac, NewIp, username: "ZZZZZZ");

        Assert.Equal(
            AutoReconnectResponse.NotConnected("expirado", "11:22:33:44:55:66", "Usuario no encontrado", rig.Time.GetUtcNow()),
            response);
        Assert.False(response.Success);
        Assert.Empty(await rig.SessionsAsync());
    }

    [Fact]
    public async Task A_wrong_password_logs_nobody_in_and_a_pin_user_ignores_the_password()
    {
        await using var rig = await StartAsync(azurite);
        await rig.AddRandmacBaseAsync();
        await rig.AddRandmacBaseAsync(mac: null, password: "", name: "54321");
        rig.Join(StoredMac, "192.168.88.10");
        rig.Join(NewMac, NewIp);

        var wrong = await rig.ReconnectAsync(StoredMac, "192.168.88.10", password: "0000");
        Assert.Equal(("expirado", "no_conectado", "Credenciales inválidas", false), (wrong.Estado, wrong.AutoConexion, wrong.Mensaje, wrong.Success));
        Assert.Null(wrong.DatosSesion);
        Assert.Empty(await rig.SessionsAsync());

        var pin = await rig.ReconnectAsync(NewMac, NewIp, username: "54321", password: "anything");
        Assert.Equal("conectado", pin.AutoConexion);
        Assert.Equal("54321", pin.DatosSesion!["name"]);
        Assert.Equal(NewMac, (await rig.UsersAsync()).Single(u => u.Name == "54321").MacAddress);
    }

    [Fact]
    public async Task A_mac_already_held_by_a_clone_logs_in_as_that_clone_and_a_clone_name_finds_its_base()
    {
        await using var rig = await StartAsync(azurite);
        await rig.AddRandmacBaseAsync();
        rig.Join(NewMac, NewIp);
        var first = await rig.ReconnectAsync(NewMac, NewIp);
        Assert.Equal("AB3C9D_RANDMAC1", first.DatosSesion!["name"]);
        rig.Leave(NewMac);
        rig.Join(NewMac, NewIp);

        var again = await rig.ReconnectAsync(NewMac, NewIp, username: "AB3C9D_RANDMAC1");
        Assert.Equal("conectado", again.AutoConexion);
        Assert.Equal("AB3C9D_RANDMAC1", again.DatosSesion!["name"]);
        Assert.Equal(2, (await rig.UsersAsync()).Count);

        // Already online as that clone with that MAC: connected, nothing written.
        var online = await rig.ReconnectAsync(NewMac, NewIp);
        Assert.Equal("conectado", online.AutoConexion);
        Assert.Single(await rig.SessionsAsync());
    }

    [Fact]
    public async Task A_username_that_is_not_randmac_logs_in_as_itself_until_its_limit()
    {
        await using var rig = await StartAsync(azurite);
        await rig.Client.AddHotspotUserAsync(new NewHotspotUser("PT-ABCDE", "1234") { LimitUptime = TimeSpan.FromMinutes(10) }, default);
        rig.Join(NewMac, NewIp);
        var response = await rig.ReconnectAsync(NewMac, NewIp, username: "PT-ABCDE", password: "1234");
        Assert.Equal(("conectado", "00:00:00", "00:10:00"), (response.AutoConexion, response.TiempoAcumulado, response.TiempoRestante));
        Assert.DoesNotContain("password", response.DatosSesion!.Keys);

        rig.Advance(TimeSpan.FromMinutes(11));
        var spent = await rig.ReconnectAsync(NewMac, NewIp, username: "PT-ABCDE", password: "1234");
        Assert.Equal(("expirado", "El tiempo contratado se ha agotado."), (spent.Estado, spent.Mensaje));
    }

    [Fact]
    public async Task A_disabled_or_spent_randmac_user_is_expired()
    {
        await using var rig = await StartAsync(azurite);
        await rig.AddRandmacBaseAsync(comment: "MODE=RANDMAC TL=3600 TA=3600");
        var disabledId = await rig.AddRandmacBaseAsync(name: "OFF123");
        await rig.Client.SetAsync(MikrotikMenus.HotspotUsers, disabledId, [new("disabled", "yes")], default);
        rig.Join(NewMac, NewIp);

        var spent = await rig.ReconnectAsync(NewMac, NewIp);
        Assert.Equal(("expirado", "El tiempo contratado se ha agotado.", false), (spent.Estado, spent.Mensaje, spent.Success));
        var disabled = await rig.ReconnectAsync(NewMac, NewIp, username: "OFF123");
        Assert.Equal("expirado", disabled.Estado);
        Assert.Contains("deshabilitado", disabled.Mensaje, StringComparison.Ordinal);
        Assert.Single(await rig.UsersAsync(), u => u.Name.StartsWith(Base, StringComparison.Ordinal));
        Assert.Empty(await rig.SessionsAsync());
    }

    [Theory]
    [InlineData("6.49.10 (long-term)")]
    [InlineData("7.14.3 (stable)")]
    [InlineData("7.18.2 (stable)")]
    public async Task Without_an_ip_the_device_is_found_in_the_host_table(string version)
    {
        await using var rig = await StartAsync(azurite, version);
        await rig.AddRandmacBaseAsync(mac: null);
        rig.Join(NewMac, NewIp);

        var response = await rig.ReconnectAsync(NewMac, ip: null);

        Assert.Equal("conectado", response.AutoConexion);
        Assert.Equal(NewIp, Assert.Single(await rig.SessionsAsync()).Address);
        var gone = await rig.ReconnectAsync("66:55:44:33:22:11", ip: null);
        Assert.Equal(("activo", "no_conectado"), (gone.Estado, gone.AutoConexion));
        Assert.False(string.IsNullOrEmpty(gone.Mensaje));
    }

    [Fact]
    public async Task Cookies_of_the_mac_that_belong_to_other_users_are_removed_before_the_login()
    {
        await using var rig = await StartAsync(azurite);
        await rig.Client.AddHotspotUserAsync(new NewHotspotUser("vecino", "1111"), default);
        await rig.AddRandmacBaseAsync(mac: null);
        rig.Join(NewMac, NewIp);
        await rig.Client.LoginHotspotDeviceAsync("vecino", "1111", NewIp, NewMac, default);
        await rig.Client.RemoveAsync(MikrotikMenus.HotspotActive, (await rig.SessionsAsync()).Select(s => s.Id), default);
        Assert.Equal("vecino", Assert.Single(await rig.CookiesAsync()).User);

        await rig.ReconnectAsync(NewMac, NewIp);

        Assert.Equal(Base, Assert.Single(await rig.CookiesAsync()).User);
    }
}
